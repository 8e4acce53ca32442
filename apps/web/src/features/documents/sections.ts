import type { ComponentType } from 'react';
import { tk } from '../../lib/i18n';
import { ACTIONS_HISTORY_SECTION_ID, ActionsHistorySection } from './components/actions-history-section';
import { CERTIFICATE_SECTION_ID, CertificateSection } from './components/certificate-section';
import { INVOICE_BREAKDOWN_SECTION_ID, InvoiceBreakdownSection } from './components/invoice-breakdown-section';
import { INVOICE_LOOKUP_SECTION_ID, InvoiceLookupSection } from './components/invoice-lookup-section';
import { INVOICE_REGISTER_SECTION_ID, InvoiceRegisterSection } from './components/invoice-register-section';
import { NUMBERS_REPORT_SECTION_ID, NumbersReportSection } from './components/numbers-report-section';
import { PAYMENTS_REPORT_SECTION_ID, PaymentsReportSection } from './components/payments-report-section';
import { RECONCILIATION_SECTION_ID, ReconciliationSection } from './components/reconciliation-section';
import { REGISTERED_DEVICES_SECTION_ID, RegisteredDevicesSection } from './components/registered-devices-section';
import { UNALLOCATED_PAYMENTS_SECTION_ID, UnallocatedPaymentsSection } from './components/unallocated-payments-section';

export type DocumentSectionComponentProps = { companyId: string };

export type DocumentSectionEntry = {
  /** The card's anchor on the page (`/documents#unallocated-payments`). */
  id: string;
  /** The product inventory's ID (docs: product.md), F30–F39. */
  feature: string;
  /** The card's title (a translation key), for the page's list of its documents and reports. */
  titleKey: string;
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
  {
    id: INVOICE_LOOKUP_SECTION_ID,
    titleKey: tk('documents.invoiceLookup.title'),
    feature: 'F30',
    component: InvoiceLookupSection,
  },
  {
    id: ACTIONS_HISTORY_SECTION_ID,
    titleKey: tk('documents.actions.title'),
    feature: 'F31',
    component: ActionsHistorySection,
  },
  {
    id: NUMBERS_REPORT_SECTION_ID,
    titleKey: tk('documents.numbersReport.title'),
    feature: 'F32',
    component: NumbersReportSection,
  },
  {
    id: CERTIFICATE_SECTION_ID,
    titleKey: tk('documents.certificate.title'),
    feature: 'F33',
    component: CertificateSection,
  },
  {
    id: INVOICE_REGISTER_SECTION_ID,
    titleKey: tk('documents.invoiceRegister.title'),
    feature: 'F34',
    component: InvoiceRegisterSection,
  },
  {
    id: RECONCILIATION_SECTION_ID,
    titleKey: tk('documents.reconciliation.title'),
    feature: 'F35',
    component: ReconciliationSection,
  },
  {
    id: REGISTERED_DEVICES_SECTION_ID,
    titleKey: tk('documents.registeredDevices.title'),
    feature: 'F36',
    component: RegisteredDevicesSection,
  },
  {
    id: PAYMENTS_REPORT_SECTION_ID,
    titleKey: tk('documents.paymentsReport.title'),
    feature: 'F37',
    component: PaymentsReportSection,
  },
  {
    id: UNALLOCATED_PAYMENTS_SECTION_ID,
    titleKey: tk('documents.unallocated.title'),
    feature: 'F38',
    component: UnallocatedPaymentsSection,
  },
  {
    id: INVOICE_BREAKDOWN_SECTION_ID,
    titleKey: tk('documents.breakdown.title'),
    feature: 'F39',
    component: InvoiceBreakdownSection,
  },
];
