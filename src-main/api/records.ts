// The stored records of the contract, one file per kind; field names are part of the
// contract (docs/contract.md).

export { BUILTIN_COINS } from '#shared/coins';
export * from './rig';
export * from './loan';
export * from './position';
export * from './settings';
export * from './alert';
export * from './market';
export * from './notification-channel';
