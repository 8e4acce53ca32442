import type { ComponentType } from 'react';
import { UNALLOCATED_PAYMENTS_SECTION_ID, UnallocatedPaymentsSection } from './components/unallocated-payments-section';

export type DocumentSectionComponentProps = { companyId: string };

export type DocumentSectionEntry = {
  /** The card's anchor on the page (`/documents#unallocated-payments`). */
  id: string;
  /** The product inventory's ID (docs: product.md), F30–F39. */
  feature: string;
  /** Renders the whole card (a DocumentSection with its heading) for the selected company. */
  component: ComponentType<DocumentSectionComponentProps>;
};

/**
 * The cards of "Documents and reports", in the manual's order: F30 Find number by invoice, F31 Actions history, F32
 * List of numbers report, F33 Service delivery certificate, F34 Invoice register, F35 Reconciliation statement, F36
 * Registered devices report, F37 Payments report, F38 Unallocated payments, F39 Invoice breakdown. Add a report by
 * putting its entry at its place in this list; the page renders them all, one under the other.
 */
export const DOCUMENT_SECTIONS: readonly DocumentSectionEntry[] = [
  { id: UNALLOCATED_PAYMENTS_SECTION_ID, feature: 'F38', component: UnallocatedPaymentsSection },
];
