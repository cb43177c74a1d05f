import Typography from '@mui/material/Typography';
import type { Snapshot } from '#api/snapshot';
import { Figure } from '../../../components/Figure';
import { formatUsdPerDay } from '../../../format';
import { LoanOutcome } from './LoanOutcome';
import { PositionOutcome } from './PositionOutcome';

// What the shocked prices do to the farm: one summary sentence, the profit per day, then
// each position and each loan next to its status today.

const AT_RISK_POSITION = new Set(['breached', 'danger']);
const AT_RISK_LOAN = new Set(['margin-call', 'liquidation']);

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function summary(scenario: Snapshot): string {
  const positions = scenario.positions.filter((p) => AT_RISK_POSITION.has(p.status));
  const breached = positions.filter((p) => p.status === 'breached').length;
  const loans = scenario.loans.filter((l) => AT_RISK_LOAN.has(l.health));
  const liquidated = loans.filter((l) => l.health === 'liquidation').length;
  const positionPart =
    positions.length === 0
      ? 'no position reaches danger'
      : `${plural(positions.length, 'position reaches', 'positions reach')} danger or worse (${breached} breached)`;
  const loanPart =
    loans.length === 0
      ? 'no loan reaches margin call'
      : `${plural(loans.length, 'loan reaches', 'loans reach')} margin call or worse (${liquidated} at liquidation)`;
  return `At these prices ${positionPart}, and ${loanPart}.`;
}

export function ScenarioOutcome({ scenario, live }: { scenario: Snapshot; live: Snapshot }) {
  const statusNow = new Map(live.positions.map((p) => [p.id, p.status]));
  const healthNow = new Map(live.loans.map((l) => [l.id, l.health]));
  return (
    <>
      <Typography sx={{ mt: 1 }}>{summary(scenario)}</Typography>
      <Typography variant="body2" color="text.secondary">
        Farm profit at these prices{' '}
        <Figure
          text={formatUsdPerDay(scenario.farm.profitUsdPerDay)}
          missing="Needs a price and network difficulty for every mining coin."
        />{' '}
        (now{' '}
        <Figure
          text={formatUsdPerDay(live.farm.profitUsdPerDay)}
          missing="Needs a price and network difficulty for every mining coin."
        />
        )
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5 }}>
        Positions
      </Typography>
      {scenario.positions.length === 0 ? (
        <Typography color="text.secondary">No open positions.</Typography>
      ) : (
        scenario.positions.map((p) => (
          <PositionOutcome key={p.id} position={p} now={statusNow.get(p.id)} />
        ))
      )}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5 }}>
        Loans
      </Typography>
      {scenario.loans.length === 0 ? (
        <Typography color="text.secondary">No loans recorded.</Typography>
      ) : (
        scenario.loans.map((l) => <LoanOutcome key={l.id} loan={l} now={healthNow.get(l.id)} />)
      )}
    </>
  );
}
