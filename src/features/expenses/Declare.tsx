/** The declaration: the participant types their name, or the facilitator records spoken consent they witnessed. */
import { useState } from 'preact/hooks';
import { type Claim, DeclarationSchema } from '../../shared/claims';
import { problemPaths } from '../../shared/issues';
import { LIMITS } from '../../shared/limits';
import { Actions, ErrorSummary, type FieldError } from '../../ui/ui';
import { Radios, TextField } from './fields';
import { et } from './i18n';

export function DeclareStep({
  value,
  onDone,
  onBack,
  busy,
  confirmLabel,
}: {
  /** the declaration made before (Change from Check answers keeps it) */
  value?: Claim['declaration'] | undefined;
  onDone: (d: Claim['declaration']) => void;
  onBack: () => void;
  busy: boolean;
  /** the button's words: "Send my claim" unless the claim goes on to the journey's check page */
  confirmLabel?: string;
}) {
  const [kind, setKind] = useState<'typed' | 'witnessed'>(value?.kind ?? 'typed');
  const [name, setName] = useState(value ? (value.kind === 'typed' ? value.name : value.facilitatorName) : '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim())
          return setErrors([{ target: 'declare-name', text: et(kind === 'typed' ? 'declare.nameError' : 'declare.facilitatorError') }]);
        const declaration: Claim['declaration'] = kind === 'typed' ? { kind, name: name.trim() } : { kind, facilitatorName: name.trim() };
        // the opener's own schema, so nothing it would refuse is sealed
        if (problemPaths(DeclarationSchema, declaration).length) return setErrors([{ target: 'declare-name', text: et('field.invalid') }]);
        onDone(declaration);
      }}
    >
      <ErrorSummary errors={errors} />
      <h1>{et('declare.heading')}</h1>
      <p class="lead">{et('declare.statement')}</p>
      <Radios
        name="declare-how"
        legend={et('declare.how')}
        options={[
          { value: 'typed', label: et('declare.typed') },
          { value: 'witnessed', label: et('declare.witnessed') },
        ]}
        value={kind}
        onPick={setKind}
      />
      <TextField
        id="declare-name"
        label={et(kind === 'typed' ? 'declare.name' : 'declare.facilitator')}
        maxLength={LIMITS.declarationName}
        value={name}
        error={errors[0]?.text}
        onInput={setName}
      />
      <Actions>
        <button type="submit" class="button primary" disabled={busy}>
          {confirmLabel ?? et('declare.send')}
        </button>
        <button type="button" class="button secondary" onClick={onBack}>
          {et('nav.back')}
        </button>
      </Actions>
    </form>
  );
}
