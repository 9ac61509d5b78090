import { addressKey, isIpOrRange, isPublicIp, normalizeBlocklistValue } from "../normalize"

describe("addressKey", () => {
  it("is country|postal|street in lower case", () => {
    expect(addressKey({ country_code: "DE", postal_code: "10115", address_1: "Hauptstrasse 5" })).toBe("de|10115|hauptstrasse 5")
  })

  it("is the same across case, ß, punctuation and spacing", () => {
    const spellings = [
      { country_code: "DE", postal_code: "10115", address_1: "Hauptstraße 5" },
      { country_code: "de", postal_code: " 10115 ", address_1: "HAUPTSTRASSE 5" },
      { country_code: "de", postal_code: "10115", address_1: "Hauptstrasse  5." },
      { country_code: "De", postal_code: "10115", address_1: "  hauptstraße, 5 " },
    ]
    expect(new Set(spellings.map(addressKey))).toEqual(new Set(["de|10115|hauptstrasse 5"]))
  })

  it("drops accents", () => {
    expect(addressKey({ country_code: "FR", postal_code: "75001", address_1: "3, Rue de l'Église" })).toBe("fr|75001|3 rue de l eglise")
    expect(addressKey({ country_code: "fr", postal_code: "75001", address_1: "3 rue de l eglise" })).toBe("fr|75001|3 rue de l eglise")
    expect(addressKey({ country_code: "ES", postal_code: "28004", address_1: "Calle Año Nuevo 1" })).toBe(
      addressKey({ country_code: "es", postal_code: "28004", address_1: "calle ano nuevo 1" })
    )
  })

  it("keeps addresses that differ apart", () => {
    const a = addressKey({ country_code: "de", postal_code: "10115", address_1: "Hauptstraße 5" })
    expect(addressKey({ country_code: "de", postal_code: "10115", address_1: "Hauptstraße 6" })).not.toBe(a)
    expect(addressKey({ country_code: "de", postal_code: "10117", address_1: "Hauptstraße 5" })).not.toBe(a)
    expect(addressKey({ country_code: "at", postal_code: "10115", address_1: "Hauptstraße 5" })).not.toBe(a)
  })

  it("leaves an unknown postal code empty, and is null without a country or street", () => {
    expect(addressKey({ country_code: "ie", postal_code: null, address_1: "1 Main Street" })).toBe("ie||1 main street")
    expect(addressKey({ country_code: null, postal_code: "10115", address_1: "Hauptstraße 5" })).toBeNull()
    expect(addressKey({ country_code: "de", postal_code: "10115", address_1: "" })).toBeNull()
    expect(addressKey(null)).toBeNull()
    expect(addressKey(undefined)).toBeNull()
  })
})

describe("isIpOrRange", () => {
  it.each(["203.0.113.7", " 203.0.113.7 ", "203.0.113.0/24", "0.0.0.0/0", "10.0.0.0/32", "2001:db8::1", "2001:db8::/32", "::/0", "2001:db8::/128"])(
    "accepts %j",
    (value) => {
      expect(isIpOrRange(value)).toBe(true)
    }
  )

  it.each(["", "not-an-ip", "256.1.1.1", "203.0.113", "/24", "203.0.113.0/", "203.0.113.0/33", "203.0.113.0/-1", "203.0.113.0/2a", "203.0.113.0/24/8", "2001:db8::/129", "example.com"])(
    "refuses %j",
    (value) => {
      expect(isIpOrRange(value)).toBe(false)
    }
  )
})

describe("isPublicIp", () => {
  it.each(["8.8.8.8", "203.0.113.7", "172.15.255.255", "172.32.0.1", "192.169.0.1", "11.0.0.1", "::ffff:8.8.8.8", "2001:4860:4860::8888"])("%s is public", (ip) => {
    expect(isPublicIp(ip)).toBe(true)
  })

  it.each([
    "10.1.2.3",
    "127.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.10.1",
    "0.0.0.0",
    "::ffff:192.168.1.1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "FE80::1",
  ])("%s is not", (ip) => {
    expect(isPublicIp(ip)).toBe(false)
  })

  // Spellings Node's req.ip never uses but an X-Forwarded-For value may.
  it.each(["::FFFF:10.0.0.1", "::ffff:a00:1", "fe90::1"])("%s is not public either", (ip) => {
    expect(isPublicIp(ip)).toBe(false)
  })

  it("is false for no address or something that is not one", () => {
    expect(isPublicIp(null)).toBe(false)
    expect(isPublicIp("")).toBe(false)
    expect(isPublicIp("localhost")).toBe(false)
  })
})

describe("normalizeBlocklistValue", () => {
  it("trims and lower-cases e-mails", () => {
    expect(normalizeBlocklistValue("email", "  Ada@Example.COM ")).toBe("ada@example.com")
  })

  it("lower-cases IPs and writes a range's prefix as a plain number", () => {
    expect(normalizeBlocklistValue("ip", " 203.0.113.7 ")).toBe("203.0.113.7")
    expect(normalizeBlocklistValue("ip", "2001:DB8::/032")).toBe("2001:db8::/32")
  })

  it("lists an IPv4-mapped address as its IPv4 address, the form checkout compares", () => {
    expect(normalizeBlocklistValue("ip", "::FFFF:203.0.113.7")).toBe("203.0.113.7")
    expect(normalizeBlocklistValue("ip", "::ffff:a00:1")).toBe("::ffff:a00:1")
  })

  it("writes addresses as address keys do", () => {
    expect(normalizeBlocklistValue("address", "DE|10115|Hauptstraße 5.")).toBe(
      addressKey({ country_code: "de", postal_code: "10115", address_1: "hauptstrasse 5" })
    )
  })

  it("keeps card fingerprints as given, trimmed (they are case-sensitive)", () => {
    expect(normalizeBlocklistValue("card_fingerprint", " Fp_AbC123 ")).toBe("Fp_AbC123")
  })
})
