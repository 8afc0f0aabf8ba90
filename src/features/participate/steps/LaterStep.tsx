/** The step after the questions that `step` shows (Journey.tsx renders it once the later steps' chunk is in). */
import type { EngagementRecord } from '../../../db/schema';
import { refreshQueue, syncNow } from '../../../device/device';
import type { Step } from '../../../device/participant';
import { offersExpenses } from '../../../shared/ratecard';
import { Check } from './Check';
import { ClaimAsk, ClaimStep } from './Claim';
import { Contact } from './Contact';
import { Done } from './Done';
import { Monitoring } from './Monitoring';

export function LaterStep({
  step,
  engagement,
  paper,
  onFinish,
}: {
  step: Step;
  engagement: EngagementRecord;
  paper: boolean;
  onFinish: () => void;
}) {
  const offers = offersExpenses(engagement.content);
  switch (step.kind) {
    case 'contact':
      return <Contact lastQuestion={engagement.content.questions.length - 1} />;
    case 'monitoring':
      return <Monitoring claim={offers} />;
    case 'claimAsk':
      return <ClaimAsk />;
    case 'claim':
      return <ClaimStep engagement={engagement} />;
    case 'check':
      return (
        <Check
          engagement={engagement}
          offersClaim={offers}
          inputMethod={paper ? 'paper' : undefined}
          onSaved={() => {
            void refreshQueue();
            void syncNow();
          }}
        />
      );
    case 'done':
      return <Done reference={step.reference} onFinish={onFinish} paper={paper} />;
    default:
      return null;
  }
}
