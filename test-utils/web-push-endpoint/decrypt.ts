/**
 * Decryption of a push message body as a user agent does it: RFC 8291 (Message Encryption
 * for Web Push) over the aes128gcm content coding of RFC 8188.
 *
 * Body = header || ciphertext, header = salt (16) || rs (uint32) || idlen (1) || keyid,
 * where keyid is the application server's ephemeral P-256 public key (RFC 8291 §4).
 */
import { createDecipheriv, createHmac } from "crypto"
import type { Subscription } from "./subscriptions"

export type DecryptResult = { ok: true; plaintext: Buffer } | { ok: false; reason: string }

const HEADER_FIXED_LENGTH = 16 + 4 + 1
const TAG_LENGTH = 16

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest()
/** HKDF (RFC 5869) with one block of output, all RFC 8291 needs: extract, then T(1). */
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) => hmac(hmac(salt, ikm), Buffer.concat([info, Buffer.from([1])])).subarray(0, length)

const fail = (reason: string): DecryptResult => ({ ok: false, reason })

export function decryptPushMessage(body: Buffer, subscription: Subscription): DecryptResult {
  if (body.length < HEADER_FIXED_LENGTH) return fail("body is shorter than the aes128gcm header (RFC 8188 §2.1)")
  const salt = body.subarray(0, 16)
  const recordSize = body.readUInt32BE(16)
  const idLength = body[20]
  if (recordSize < 18) return fail(`record size ${recordSize} is below 18 (RFC 8188 §2.1)`)
  if (idLength !== 65) return fail(`keyid is ${idLength} bytes; it must be the 65-byte application server public key (RFC 8291 §4)`)
  const senderPublicKey = body.subarray(HEADER_FIXED_LENGTH, HEADER_FIXED_LENGTH + idLength)
  if (senderPublicKey.length !== 65 || senderPublicKey[0] !== 0x04) return fail("keyid is not an uncompressed P-256 public key")
  const record = body.subarray(HEADER_FIXED_LENGTH + idLength)
  if (record.length < TAG_LENGTH + 1) return fail("the record is shorter than the 16-byte tag plus the padding delimiter")
  if (record.length > recordSize) return fail("the body holds more than one record; RFC 8291 §4 requires a single record")

  let ecdhSecret: Buffer
  try {
    ecdhSecret = subscription.ecdh.computeSecret(senderPublicKey)
  } catch {
    return fail("keyid is not a point on P-256")
  }

  // RFC 8291 §3.4.
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0", "ascii"), subscription.publicKey, senderPublicKey])
  const ikm = hkdf(subscription.authSecret, ecdhSecret, keyInfo, 32)
  // RFC 8188 §2.2 and §2.3; a single record has sequence number 0, so the nonce is used as is.
  const contentKey = hkdf(salt, ikm, Buffer.from("Content-Encoding: aes128gcm\0", "ascii"), 16)
  const nonce = hkdf(salt, ikm, Buffer.from("Content-Encoding: nonce\0", "ascii"), 12)

  let padded: Buffer
  try {
    const decipher = createDecipheriv("aes-128-gcm", contentKey, nonce)
    decipher.setAuthTag(record.subarray(record.length - TAG_LENGTH))
    padded = Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_LENGTH)), decipher.final()])
  } catch {
    return fail("the record does not decrypt (AES-GCM tag mismatch): wrong keys, salt or a corrupted body")
  }

  // RFC 8188 §2: data || delimiter || zero padding; the last record's delimiter is 0x02.
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (end < 0) return fail("the record has no padding delimiter")
  if (padded[end] !== 0x02) return fail(`the last record's padding delimiter is 0x0${padded[end].toString(16)}, not 0x02 (RFC 8188 §2)`)
  return { ok: true, plaintext: padded.subarray(0, end) }
}
