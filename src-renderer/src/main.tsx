import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './api/client';
import { App } from './App';
import { installLeaveGuard } from './forms/unsaved-changes';
import './plain.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Before the router subscribes to the hash, so a refused page change is undone first.
installLeaveGuard();

createRoot(root).render(
  <StrictMode>
    <App host={connectHost()} />
  </StrictMode>,
);
