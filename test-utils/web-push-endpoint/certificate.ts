/**
 * A self-signed TLS certificate for 127.0.0.1 / localhost, made at start with node:crypto.
 * Push services are HTTPS only (RFC 8030 §8), and `web-push` always uses `https.request`,
 * so the fake speaks TLS; clients trust it by passing `ca` (the certificate itself).
 *
 * Node has no API to issue certificates, so the X.509 structure (RFC 5280) is written
 * here in DER: a few TLV helpers, the to-be-signed part, an ECDSA P-256 signature.
 */
import { generateKeyPairSync, randomBytes, sign } from "crypto"

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]
  return Buffer.concat([Buffer.from([tag, ...length]), content])
}
const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items))
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items))
const octetString = (content: Buffer) => tlv(0x04, content)
const bitString = (content: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), content]))
const explicit = (tagNumber: number, content: Buffer) => tlv(0xa0 + tagNumber, content)
const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"))
const positiveInteger = (bytes: Buffer) => tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes)

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number)
  const bytes = [first * 40 + second]
  for (const arc of rest) {
    const chunk = [arc & 0x7f]
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return tlv(0x06, Buffer.from(bytes))
}

/** UTCTime, YYMMDDHHMMSSZ (fine until 2049). */
function utcTime(date: Date): Buffer {
  return tlv(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, "")}Z`))
}

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  basicConstraints: "2.5.29.19",
  subjectAltName: "2.5.29.17",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
}

const extension = (id: string, value: Buffer) => sequence(oid(id), octetString(value))

export type SelfSignedCertificate = { cert: string; key: string }

export function createSelfSignedCertificate(commonName: string): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })
  const name = sequence(set(sequence(oid(OID.commonName), utf8String(commonName))))
  const now = Date.now()
  const signatureAlgorithm = sequence(oid(OID.ecdsaWithSha256))
  const serial = randomBytes(16)
  serial[0] &= 0x7f
  const tbs = sequence(
    explicit(0, positiveInteger(Buffer.from([2]))), // X.509 v3
    positiveInteger(serial),
    signatureAlgorithm,
    name,
    sequence(utcTime(new Date(now - 60 * 60 * 1000)), utcTime(new Date(now + 7 * 24 * 60 * 60 * 1000))),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    explicit(
      3,
      sequence(
        // Its own trust anchor: a CA certificate that is also the server's.
        extension(OID.basicConstraints, sequence(tlv(0x01, Buffer.from([0xff])))),
        extension(OID.extKeyUsage, sequence(oid(OID.serverAuth))),
        // iPAddress [7] 127.0.0.1 and dNSName [2] localhost.
        extension(OID.subjectAltName, sequence(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from("localhost")))),
      )
    )
  )
  const certificate = sequence(tbs, signatureAlgorithm, bitString(sign("sha256", tbs, privateKey)))
  const base64 = certificate.toString("base64").replace(/.{64}/g, "$&\n")
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  }
}
