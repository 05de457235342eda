// What the one-user view adds to an office of vocabulary.ts's OFFICES: the state or region, the
// usage location (ISO 3166 country code, as Microsoft 365 takes it), a language tag people there
// prefer, a postal code shape and streets for the address.

export interface OfficeDetails {
  state: string;
  usageLocation: string;
  preferredLanguage: string;
  /** Digits of the postal code, `#` standing for a digit drawn per user (letters are kept). */
  postalCode: string;
  streets: readonly string[];
}

export const OFFICE_DETAILS: Readonly<Record<string, OfficeDetails>> = {
  'Jersey City': {
    state: 'New Jersey',
    usageLocation: 'US',
    preferredLanguage: 'en-US',
    postalCode: '073##',
    streets: ['Washington Blvd', 'Harbor Drive', 'Grove Street'],
  },
  Seattle: {
    state: 'Washington',
    usageLocation: 'US',
    preferredLanguage: 'en-US',
    postalCode: '981##',
    streets: ['Pike Street', '4th Avenue', 'Westlake Avenue N'],
  },
  Toronto: {
    state: 'Ontario',
    usageLocation: 'CA',
    preferredLanguage: 'en-CA',
    postalCode: 'M5V #A#',
    streets: ['King Street West', 'Front Street West', 'Queens Quay'],
  },
  London: {
    state: 'England',
    usageLocation: 'GB',
    preferredLanguage: 'en-GB',
    postalCode: 'EC2A #AB',
    streets: ['Old Street', 'Bishopsgate', 'Shoreditch High Street'],
  },
  Dublin: {
    state: 'Leinster',
    usageLocation: 'IE',
    preferredLanguage: 'en-IE',
    postalCode: 'D02 X#Y#',
    streets: ["Sir John Rogerson's Quay", 'Grand Canal Street', 'Baggot Street'],
  },
  Berlin: {
    state: 'Berlin',
    usageLocation: 'DE',
    preferredLanguage: 'de-DE',
    postalCode: '10###',
    streets: ['Friedrichstraße', 'Unter den Linden', 'Torstraße'],
  },
  Munich: {
    state: 'Bavaria',
    usageLocation: 'DE',
    preferredLanguage: 'de-DE',
    postalCode: '80###',
    streets: ['Leopoldstraße', 'Maximilianstraße', 'Sonnenstraße'],
  },
  Paris: {
    state: 'Île-de-France',
    usageLocation: 'FR',
    preferredLanguage: 'fr-FR',
    postalCode: '750##',
    streets: ['Rue de Rivoli', 'Boulevard Haussmann', "Rue de l'Université"],
  },
  Ljubljana: {
    state: 'Osrednjeslovenska',
    usageLocation: 'SI',
    preferredLanguage: 'sl-SI',
    postalCode: '1000',
    streets: ['Dunajska cesta', 'Slovenska cesta', 'Trubarjeva cesta'],
  },
  Amsterdam: {
    state: 'North Holland',
    usageLocation: 'NL',
    preferredLanguage: 'nl-NL',
    postalCode: '10## AB',
    streets: ['Herengracht', 'Keizersgracht', 'Damrak'],
  },
  Stockholm: {
    state: 'Stockholm County',
    usageLocation: 'SE',
    preferredLanguage: 'sv-SE',
    postalCode: '111 ##',
    streets: ['Drottninggatan', 'Kungsgatan', 'Strandvägen'],
  },
  Madrid: {
    state: 'Community of Madrid',
    usageLocation: 'ES',
    preferredLanguage: 'es-ES',
    postalCode: '280##',
    streets: ['Gran Vía', 'Calle de Alcalá', 'Paseo de la Castellana'],
  },
  Tokyo: {
    state: 'Tokyo',
    usageLocation: 'JP',
    preferredLanguage: 'ja-JP',
    postalCode: '100-####',
    streets: ['Marunouchi', 'Otemachi', 'Shibuya'],
  },
  Singapore: {
    state: 'Singapore',
    usageLocation: 'SG',
    preferredLanguage: 'en-SG',
    postalCode: '01####',
    streets: ['Raffles Place', 'Marina Boulevard', 'Orchard Road'],
  },
  Sydney: {
    state: 'New South Wales',
    usageLocation: 'AU',
    preferredLanguage: 'en-AU',
    postalCode: '2000',
    streets: ['George Street', 'Pitt Street', 'Kent Street'],
  },
  Bengaluru: {
    state: 'Karnataka',
    usageLocation: 'IN',
    preferredLanguage: 'en-IN',
    postalCode: '5600##',
    streets: ['MG Road', 'Residency Road', 'Outer Ring Road'],
  },
  Shanghai: {
    state: 'Shanghai',
    usageLocation: 'CN',
    preferredLanguage: 'zh-CN',
    postalCode: '200###',
    streets: ['Nanjing Road', 'Century Avenue', 'Huaihai Road'],
  },
  'São Paulo': {
    state: 'São Paulo',
    usageLocation: 'BR',
    preferredLanguage: 'pt-BR',
    postalCode: '01###-###',
    streets: ['Avenida Paulista', 'Rua Augusta', 'Avenida Faria Lima'],
  },
  Dubai: {
    state: 'Dubai',
    usageLocation: 'AE',
    preferredLanguage: 'ar-AE',
    postalCode: '0####',
    streets: ['Sheikh Zayed Road', 'Al Wasl Road', 'Financial Centre Road'],
  },
  'Cape Town': {
    state: 'Western Cape',
    usageLocation: 'ZA',
    preferredLanguage: 'af-ZA',
    postalCode: '80##',
    streets: ['Long Street', 'Bree Street', 'Strand Street'],
  },
};

/** How users were provisioned in Elements (the `template` field). */
export const USER_TEMPLATES = ['Default', 'Standard employee', 'Contractor', 'Executive', 'Frontline worker'] as const;

/** Domains of alternate e-mail addresses: reserved for documentation (RFC 2606), so no real mailbox is named. */
export const ALTERNATE_EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;
