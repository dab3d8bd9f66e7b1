import type {
  BillDocument,
  BillLabelKey,
  DocLocale,
  StatementDocument,
  StatementLabelKey,
} from "./bill-document";

/**
 * Sample documents for the tests, the bench and the look check: the labels are a starting
 * translation, the messages files are the reference.
 */
export const BILL_LABELS: Record<DocLocale, Record<BillLabelKey, string>> = {
  en: {
    title: "Bill",
    billNo: "Bill number",
    issuedAt: "Issue date",
    dueDate: "Due date",
    period: "Billing period",
    days: "{days} days",
    status: "Status",
    customer: "Customer",
    customerNo: "Customer number",
    contract: "Contract",
    contractNo: "Contract number",
    service: "Service",
    tariff: "Tariff",
    category: "Category",
    premises: "Service address",
    meter: "Meter",
    meterSerial: "Meter number",
    previousIndex: "Previous reading",
    newIndex: "Current reading",
    consumption: "Consumption",
    readingType: "Reading",
    estimatedNotice:
      "This bill is based on an estimated reading. Send us your meter reading for an exact bill.",
    linesTitle: "Bill details",
    colDescription: "Description",
    colQuantity: "Quantity",
    colUnitPrice: "Unit price",
    colAmount: "Excl. tax",
    colTaxRate: "VAT rate",
    colTax: "VAT",
    colTotal: "Total",
    totalBeforeTax: "Total excl. tax",
    totalTax: "VAT",
    totalBill: "Total of this bill",
    arrears: "Unpaid previous balance",
    amountDue: "Amount due",
    payBefore: "Pay before",
    historyTitle: "Your consumption over the last 12 months",
    historyEstimated: "Estimated",
    historyActual: "Meter reading",
    payTitle: "Pay this bill",
    paymentReference: "Payment reference",
    payHint: "Scan to pay online, or quote the reference at any agency or payment point.",
    footer: "Keep this bill. Questions or a dispute: contact customer service within 30 days.",
    page: "Page {page} of {pages}",
  },
  fr: {
    title: "Facture",
    billNo: "N° de facture",
    issuedAt: "Date d'émission",
    dueDate: "Date limite",
    period: "Période facturée",
    days: "{days} jours",
    status: "Statut",
    customer: "Client",
    customerNo: "N° client",
    contract: "Contrat",
    contractNo: "N° de contrat",
    service: "Service",
    tariff: "Tarif",
    category: "Catégorie",
    premises: "Adresse de desserte",
    meter: "Compteur",
    meterSerial: "N° de compteur",
    previousIndex: "Ancien index",
    newIndex: "Nouvel index",
    consumption: "Consommation",
    readingType: "Relevé",
    estimatedNotice:
      "Cette facture repose sur un index estimé. Transmettez-nous votre index pour une facture exacte.",
    linesTitle: "Détail de la facture",
    colDescription: "Désignation",
    colQuantity: "Quantité",
    colUnitPrice: "Prix unitaire",
    colAmount: "Montant HT",
    colTaxRate: "Taux TVA",
    colTax: "TVA",
    colTotal: "Total TTC",
    totalBeforeTax: "Total HT",
    totalTax: "TVA",
    totalBill: "Total de la facture",
    arrears: "Impayés antérieurs",
    amountDue: "Montant à payer",
    payBefore: "À payer avant le",
    historyTitle: "Votre consommation des 12 derniers mois",
    historyEstimated: "Estimé",
    historyActual: "Index relevé",
    payTitle: "Payer cette facture",
    paymentReference: "Référence de paiement",
    payHint:
      "Scannez pour payer en ligne, ou indiquez la référence en agence ou dans un point de paiement.",
    footer:
      "Conservez cette facture. Question ou réclamation : contactez le service client sous 30 jours.",
    page: "Page {page} sur {pages}",
  },
  ar: {
    title: "فاتورة",
    billNo: "رقم الفاتورة",
    issuedAt: "تاريخ الإصدار",
    dueDate: "آخر أجل للأداء",
    period: "فترة الفوترة",
    days: "{days} يوما",
    status: "الحالة",
    customer: "الزبون",
    customerNo: "رقم الزبون",
    contract: "العقد",
    contractNo: "رقم العقد",
    service: "الخدمة",
    tariff: "التعريفة",
    category: "الفئة",
    premises: "عنوان الاشتراك",
    meter: "العداد",
    meterSerial: "رقم العداد",
    previousIndex: "المؤشر السابق",
    newIndex: "المؤشر الجديد",
    consumption: "الاستهلاك",
    readingType: "نوع القراءة",
    estimatedNotice:
      "هذه الفاتورة مبنية على قراءة تقديرية. أرسلوا إلينا قراءة عدادكم للحصول على فاتورة دقيقة.",
    linesTitle: "تفاصيل الفاتورة",
    colDescription: "البيان",
    colQuantity: "الكمية",
    colUnitPrice: "سعر الوحدة",
    colAmount: "المبلغ دون رسوم",
    colTaxRate: "نسبة الضريبة",
    colTax: "الضريبة",
    colTotal: "المجموع",
    totalBeforeTax: "المجموع دون رسوم",
    totalTax: "الضريبة على القيمة المضافة",
    totalBill: "مجموع هذه الفاتورة",
    arrears: "متأخرات سابقة",
    amountDue: "المبلغ المستحق",
    payBefore: "يؤدى قبل",
    historyTitle: "استهلاككم خلال الاثني عشر شهرا الأخيرة",
    historyEstimated: "تقديري",
    historyActual: "قراءة العداد",
    payTitle: "أداء هذه الفاتورة",
    paymentReference: "مرجع الأداء",
    payHint: "امسحوا الرمز للأداء عبر الإنترنت، أو أدلوا بالمرجع في أي وكالة أو نقطة أداء.",
    footer: "احتفظوا بهذه الفاتورة. لأي سؤال أو شكاية: اتصلوا بخدمة الزبناء داخل أجل 30 يوما.",
    page: "الصفحة {page} من {pages}",
  },
};

export const STATEMENT_LABELS: Record<DocLocale, Record<StatementLabelKey, string>> = {
  en: {
    title: "Account statement",
    customer: "Customer",
    customerNo: "Customer number",
    contractNo: "Contract number",
    service: "Service",
    period: "Period",
    openingBalance: "Opening balance",
    closingBalance: "Closing balance",
    colDate: "Date",
    colDescription: "Description",
    colDebit: "Debit",
    colCredit: "Credit",
    colBalance: "Balance",
    continued: "continued",
    footer:
      "A positive balance is owed to the utility; a negative balance is a credit in your favour.",
    page: "Page {page} of {pages}",
  },
  fr: {
    title: "Relevé de compte",
    customer: "Client",
    customerNo: "N° client",
    contractNo: "N° de contrat",
    service: "Service",
    period: "Période",
    openingBalance: "Solde d'ouverture",
    closingBalance: "Solde de clôture",
    colDate: "Date",
    colDescription: "Libellé",
    colDebit: "Débit",
    colCredit: "Crédit",
    colBalance: "Solde",
    continued: "suite",
    footer:
      "Un solde positif est dû au distributeur ; un solde négatif est un avoir en votre faveur.",
    page: "Page {page} sur {pages}",
  },
  ar: {
    title: "كشف الحساب",
    customer: "الزبون",
    customerNo: "رقم الزبون",
    contractNo: "رقم العقد",
    service: "الخدمة",
    period: "الفترة",
    openingBalance: "الرصيد الافتتاحي",
    closingBalance: "الرصيد الختامي",
    colDate: "التاريخ",
    colDescription: "البيان",
    colDebit: "مدين",
    colCredit: "دائن",
    colBalance: "الرصيد",
    continued: "تابع",
    footer: "الرصيد الموجب مستحق لفائدة الموزع، والرصيد السالب دين لفائدتكم.",
    page: "الصفحة {page} من {pages}",
  },
};

const MONTHS: Record<DocLocale, string[]> = {
  en: ["Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"],
  fr: [
    "nov.",
    "déc.",
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
  ],
  ar: [
    "نونبر",
    "دجنبر",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
  ],
};
const CONSUMPTION = [212, 248, 265, 231, 198, 176, 183, 214, 262, 281, 240, 251];

/** A residential electricity bill with three tranches, a fixed fee and arrears. */
export function sampleBill(locale: DocLocale): BillDocument {
  const ar = locale === "ar";
  const fr = locale === "fr";
  const dec = (s: string) => (fr ? s.replace(".", ",") : s);
  const t = (a: string, f: string, e: string) => (ar ? a : fr ? f : e);
  return {
    locale,
    labels: BILL_LABELS[locale],
    utility: {
      name: t(
        "الوكالة المستقلة للتوزيع - الرباط",
        "Régie Autonome de Distribution - Rabat",
        "Rabat Distribution Utility",
      ),
      address: t(
        "شارع محمد الخامس 12، الرباط",
        "12, avenue Mohammed V, Rabat",
        "12 Mohammed V Avenue, Rabat",
      ),
      phone: "+212 5 37 00 00 00",
      website: "wasla.example.ma",
    },
    bill: {
      billNo: "FA-2026-000123",
      issuedAt: "05/11/2026",
      dueDate: "25/11/2026",
      periodStart: "01/10/2026",
      periodEnd: "31/10/2026",
      days: 31,
      status: t("غير مؤداة", "Impayée", "Unpaid"),
      estimated: false,
      readingType: t("قراءة العون", "Relevé agent", "Agent reading"),
      paymentReference: "2026 0001 2345 6789",
      currency: t("درهم", "MAD", "MAD"),
    },
    customer: {
      name: t("فاطمة الزهراء بنعلي", "Fatima Zahra Benali", "Fatima Zahra Benali"),
      customerNo: "C-0042117",
    },
    contract: {
      contractNo: "1000000101",
      service: t("الكهرباء", "Électricité", "Electricity"),
      tariffName: t(
        "منزلي - تعريفة تصاعدية",
        "Domestique - tarif progressif",
        "Residential - progressive",
      ),
      category: t("سكني", "Résidentiel", "Residential"),
    },
    premises: {
      address: t(
        "زنقة الأطلس 7، الشقة 3، حي أكدال، الرباط 10090",
        "7, rue de l'Atlas, appt 3, Agdal, Rabat 10090",
        "7 Atlas Street, flat 3, Agdal, Rabat 10090",
      ),
    },
    meter: {
      serial: "EL-55-918273",
      previousIndex: "18 204",
      newIndex: "18 455",
      consumption: "251",
      unit: t("ك.و.س", "kWh", "kWh"),
    },
    lines: [
      {
        label: t("الشريحة 1 (0 - 100 ك.و.س)", "Tranche 1 (0 - 100 kWh)", "Tranche 1 (0 - 100 kWh)"),
        detail: t("31 يوما", "31 jours", "31 days"),
        quantity: "100",
        unitPrice: dec("0.9010"),
        amount: dec("90.10"),
        taxRate: "14 %",
        tax: dec("12.61"),
        total: dec("102.71"),
      },
      {
        label: t(
          "الشريحة 2 (101 - 150 ك.و.س)",
          "Tranche 2 (101 - 150 kWh)",
          "Tranche 2 (101 - 150 kWh)",
        ),
        detail: t("31 يوما", "31 jours", "31 days"),
        quantity: "50",
        unitPrice: dec("1.0732"),
        amount: dec("53.66"),
        taxRate: "14 %",
        tax: dec("7.51"),
        total: dec("61.17"),
      },
      {
        label: t(
          "الشريحة 3 (151 - 200 ك.و.س)",
          "Tranche 3 (151 - 200 kWh)",
          "Tranche 3 (151 - 200 kWh)",
        ),
        detail: t("31 يوما", "31 jours", "31 days"),
        quantity: "50",
        unitPrice: dec("1.0732"),
        amount: dec("53.66"),
        taxRate: "14 %",
        tax: dec("7.51"),
        total: dec("61.17"),
      },
      {
        label: t(
          "الشريحة 4 (201 - 300 ك.و.س)",
          "Tranche 4 (201 - 300 kWh)",
          "Tranche 4 (201 - 300 kWh)",
        ),
        detail: t("31 يوما", "31 jours", "31 days"),
        quantity: "51",
        unitPrice: dec("1.1676"),
        amount: dec("59.55"),
        taxRate: "14 %",
        tax: dec("8.34"),
        total: dec("67.89"),
      },
      {
        label: t(
          "إتاوة ثابتة وصيانة العداد",
          "Redevance fixe et entretien compteur",
          "Fixed fee and meter upkeep",
        ),
        quantity: "1",
        unitPrice: dec("22.40"),
        amount: dec("22.40"),
        taxRate: "14 %",
        tax: dec("3.14"),
        total: dec("25.54"),
      },
      {
        label: t("رسم النهوض بالقطاع السمعي البصري", "Taxe audiovisuelle", "Audiovisual levy"),
        quantity: "1",
        unitPrice: dec("15.00"),
        amount: dec("15.00"),
        taxRate: "0 %",
        tax: dec("0.00"),
        total: dec("15.00"),
      },
    ],
    totals: {
      beforeTax: dec("294.37"),
      tax: dec("39.11"),
      total: dec("333.48"),
      arrears: dec("79.88"),
      amountDue: dec("413.36"),
    },
    history: MONTHS[locale].map((label, i) => ({
      label,
      consumption: CONSUMPTION[i]!,
      estimated: i === 3 || i === 7,
    })),
    qrPayload: "https://wasla.example.ma/pay/FA-2026-000123?ref=2026000123456789",
  };
}

/** A statement with `rows` monthly bills and payments and a running balance. */
export function sampleStatement(locale: DocLocale, rows = 64): StatementDocument {
  const ar = locale === "ar";
  const fr = locale === "fr";
  const money = (cents: number) => {
    const s = (cents / 100).toFixed(2);
    return fr ? s.replace(".", ",") : s;
  };
  let balance = 12_550;
  const out: StatementDocument["rows"] = [];
  for (let i = 0; i < rows; i++) {
    const month = (i >> 1) % 12;
    const year = 2024 + Math.floor(i / 24);
    const day = i % 2 === 0 ? "05" : "19";
    const bill = i % 2 === 0;
    const amount = bill ? 28_000 + ((i * 3_711) % 19_000) : 30_000 + ((i * 1_777) % 12_000);
    balance += bill ? amount : -amount;
    const no = `FA-${year}-${String(100 + i).padStart(6, "0")}`;
    out.push({
      date: `${day}/${String(month + 1).padStart(2, "0")}/${year}`,
      description: bill
        ? ar
          ? `فاتورة ${no}`
          : fr
            ? `Facture ${no}`
            : `Bill ${no}`
        : ar
          ? "أداء عبر الإنترنت - بطاقة بنكية"
          : fr
            ? "Paiement en ligne - carte bancaire"
            : "Online payment - bank card",
      debit: bill ? money(amount) : "",
      credit: bill ? "" : money(amount),
      balance: money(balance),
    });
  }
  return {
    locale,
    labels: STATEMENT_LABELS[locale],
    utility: sampleBill(locale).utility,
    customer: sampleBill(locale).customer,
    contract: { contractNo: "1000000101", service: sampleBill(locale).contract.service },
    from: "01/01/2024",
    to: "31/10/2026",
    openingBalance: money(12_550),
    closingBalance: money(balance),
    currency: ar ? "درهم" : "MAD",
    rows: out,
  };
}
