import { Anchor, Group, Popover, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { HelpIcon } from './icons';

/** The questions of the FAQ (server `faq.content.ts` ids); the FAQ page gives each the anchor `faq-<id>`. */
export type FaqQuestionId =
  | 'several-companies'
  | 'cannot-log-in'
  | 'old-version'
  | 'services-list'
  | 'error-notice'
  | 'no-unblock'
  | 'sim-change'
  | 'link-does-not-open';

/** The anchor of a FAQ question on the FAQ page (`/faq#faq-<id>`): the page opens that question and scrolls to it. */
export function faqAnchor(question: FaqQuestionId | (string & {})): string {
  return `faq-${question}`;
}

type HowToLinkProps = {
  /** The translated "How to …" text of the link. */
  label: string;
} & (
  | { /** Opens the FAQ at this question. */ faq: FaqQuestionId; help?: never }
  | {
      /** A short translated explanation shown in place (popover), for sections the FAQ has no question about. */ help: string;
      faq?: never;
    }
);

/**
 * A section's small "How to …" link: to the FAQ page opened at the relevant question, or a short help text in place.
 * Put one beside a section's title (numbers, number profile, transfer, documents, requests, profile).
 */
export function HowToLink({ label, faq, help }: HowToLinkProps) {
  const content = (
    <Group gap={4} component="span" wrap="nowrap">
      <HelpIcon size={16} />
      <span>{label}</span>
    </Group>
  );
  if (faq) {
    return (
      <Anchor component={Link} to="/faq" hash={faqAnchor(faq)} size="sm" fw={500} className="how-to-link">
        {content}
      </Anchor>
    );
  }
  return (
    <Popover width={320} position="bottom-end" withArrow shadow="md" withinPortal returnFocus>
      <Popover.Target>
        <Anchor component="button" type="button" size="sm" fw={500} className="how-to-link">
          {content}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" className="pre-line">
          {help}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
