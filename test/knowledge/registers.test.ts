import { describe, expect, it } from 'vitest';
import { registers } from '../../knowledge/registers.js';

const r = registers();

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
const NATO =
  'AL BE BG CA HR CZ DK EE FI FR DE GR HU IS IT LV LT LU ME NL MK NO PL PT RO SK SI ES SE TR GB US'.split(
    ' ',
  );
const OTHERS = 'CN RU IR KP BY FO GL CH JP KR TW IL IN VN'.split(' ');
const SUPPLIERS = [
  'Hikvision',
  'Dahua',
  'Huawei',
  'ZTE',
  'Ericsson',
  'Nokia',
  'Axis',
  'Milestone',
  'AVM',
  'Cisco',
  'Juniper',
  'Samsung',
  'Xiaomi',
  'Uniview',
  'Hanwha Vision',
  'Bosch',
];

describe('the country register', () => {
  it('covers every EU and NATO member and the other countries users ask about', () => {
    for (const code of [...EU, ...NATO, ...OTHERS]) expect(r.country(code), code).toBeDefined();
  });

  it('has the memberships right and derives the security-policy circle from them', () => {
    for (const c of r.countries) {
      expect(c.eu, `${c.code} eu`).toBe(EU.includes(c.code));
      expect(c.nato, `${c.code} nato`).toBe(NATO.includes(c.code));
    }
    for (const code of [...EU, ...NATO]) expect(r.country(code)!.security_circle, code).toBe(true);
    for (const code of ['CN', 'RU', 'IR', 'KP', 'BY', 'CH', 'JP', 'KR', 'TW', 'IL', 'IN', 'VN']) {
      expect(r.country(code)!.security_circle, code).toBe(false);
    }
    // The Faroe Islands and Greenland are in the Realm: inside the circle, by an explicit, cited override.
    expect(r.country('FO')!.security_circle).toBe(true);
    expect(r.country('GL')!.claims.security_circle.source).toMatch(/Kingdom of Denmark/);
  });

  it('gives every row and every claim a source', () => {
    for (const c of r.countries) {
      expect(c.source.trim(), c.code).not.toBe('');
      for (const claim of [
        c.claims.eu,
        c.claims.nato,
        c.claims.security_circle,
        c.compels_intelligence_cooperation,
      ]) {
        expect(claim.source.trim(), c.code).not.toBe('');
      }
    }
  });

  it("records China's National Intelligence Law as compelling, and leaves unknowns open", () => {
    const cn = r.country('CN')!;
    expect(cn.compels_intelligence_cooperation.value).toBe(true);
    expect(cn.compels_intelligence_cooperation.source).toMatch(/National Intelligence Law.*2017.*art\. 7/);
    expect(r.country('SE')!.compels_intelligence_cooperation.value).toBeNull();
  });

  it('takes the names from the ISO country package, in Danish and English', () => {
    expect(r.country('DK')).toMatchObject({ name_da: 'Danmark', name_en: 'Denmark' });
    expect(r.country('cn')).toMatchObject({ name_da: 'Kina', name_en: 'China' });
    expect(r.country('FO')!.name_da).toBe('Færøerne');
  });

  it.each([
    ['Kina', 'CN'],
    ['china', 'CN'],
    ['kinesisk', 'CN'],
    ['kinesiske', 'CN'],
    ['Chinese', 'CN'],
    ['Sverige', 'SE'],
    ['svenske', 'SE'],
    ['Swedish', 'SE'],
    ['Rusland', 'RU'],
    ['Russian Federation', 'RU'],
    ['Tyskland', 'DE'],
    ['tyske', 'DE'],
    ['USA', 'US'],
    ['amerikansk', 'US'],
    ['Storbritannien', 'GB'],
    ['Nederlandene', 'NL'],
    ['Grønland', 'GL'],
    ['Faroe Islands', 'FO'],
    ['Taiwan', 'TW'],
    ['Sydkorea', 'KR'],
    ['Kinas', 'CN'],
    ['Sveriges', 'SE'],
    ['U.S.', 'US'],
  ])('finds %s as %s', (name, code) => {
    expect(r.countryByName(name)?.code).toBe(code);
  });

  it('finds nothing for a name it does not know', () => {
    expect(r.countryByName('Atlantis')).toBeUndefined();
    expect(r.country('XX')).toBeUndefined();
  });
});

describe('the supplier register', () => {
  it('has every supplier users ask about, with a country in the country register', () => {
    for (const name of SUPPLIERS) {
      const s = r.supplierByName(name);
      expect(s, name).toBeDefined();
      expect(r.country(s!.country), name).toBeDefined();
    }
  });

  it('gives every row and every claim a source, and each supplier a kind', () => {
    for (const s of r.suppliers) {
      expect(s.source.trim(), s.id).not.toBe('');
      expect(s.kind.length, s.id).toBeGreaterThan(0);
      for (const claim of [s.state_controlled, s.harmful_activity]) {
        if (claim) expect(claim.source.trim(), s.id).not.toBe('');
      }
    }
  });

  it('knows Hikvision as a Chinese camera maker with a cited state-control claim', () => {
    const h = r.supplierByName('Hikvision')!;
    expect(h.country).toBe('CN');
    expect(h.kind).toContain('surveillance_camera');
    expect(h.state_controlled?.value).toBe(true);
    expect(h.state_controlled?.source).toMatch(/Department of Defense|FCC/);
  });

  it.each([
    ['hikvision', 'hikvision'],
    ['Hik Vision', 'hikvision'],
    ['HIKVISION', 'hikvision'],
    ['huawei technologies', 'huawei'],
    ['Telefonaktiebolaget LM Ericsson', 'ericsson'],
    ['Axis Communications', 'axis'],
    ['Milestone Systems', 'milestone'],
    ['Fritzbox', 'avm'],
    ['Hanwha Techwin', 'hanwha-vision'],
    ['hik-vision', 'hikvision'],
    ['HikVision', 'hikvision'],
    ['Cisco Systems Inc', 'cisco'],
    ['Fritz!Box', 'avm'],
  ])('finds %s by name or alias', (name, id) => {
    expect(r.supplierByName(name)?.id).toBe(id);
  });

  it('places the suppliers in the right countries', () => {
    const country = (name: string) => r.supplierByName(name)!.country;
    expect(['Ericsson', 'Axis'].map(country)).toEqual(['SE', 'SE']);
    expect(['Nokia', 'Milestone', 'AVM', 'Bosch'].map(country)).toEqual(['FI', 'DK', 'DE', 'DE']);
    expect(['Huawei', 'ZTE', 'Dahua', 'Xiaomi', 'Uniview'].map(country)).toEqual([
      'CN',
      'CN',
      'CN',
      'CN',
      'CN',
    ]);
    expect(['Cisco', 'Juniper', 'Samsung', 'Hanwha Vision'].map(country)).toEqual(['US', 'US', 'KR', 'KR']);
  });

  it('finds nothing for an unknown supplier', () => {
    expect(r.supplierByName('Acme Cameras')).toBeUndefined();
    expect(r.supplierByName('  ')).toBeUndefined();
    expect(r.countryByName('--')).toBeUndefined();
  });
});
