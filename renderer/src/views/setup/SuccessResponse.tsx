import { CopyButton } from '../../components/CopyButton.js';

/**
 * impact.com's postback settings have a "Success Response" field: what it should expect back from a delivered
 * postback. It must be exactly what the receiver answers, or impact.com may count good deliveries as failures.
 */
export function SuccessResponse({ text }: { text: string }) {
  return (
    <>
      <h3>Success Response</h3>
      <p>
        In the same form, put exactly this in impact.com's <strong>Success Response</strong> field: it is what
        Shelfwatch answers each postback it has safely stored.
      </p>
      <div className="copy-line">
        <code data-testid="success-response">{text}</code>
        <CopyButton text={text} label="Copy the Success Response" />
      </div>
    </>
  );
}
