/**
 * How many SMS segments a body takes (Twilio's `num_segments`): GSM-7 when every character
 * is in the GSM 03.38 alphabet (160 per single message, 153 per concatenated segment; the
 * extension characters count twice), UCS-2 otherwise (70, or 67 per segment, in UTF-16
 * code units).
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM_EXTENSION = "^{}\\[~]|€\f"

export function segmentCount(body: string): number {
  let gsmUnits = 0
  for (const character of body) {
    if (GSM_BASIC.includes(character)) gsmUnits += 1
    else if (GSM_EXTENSION.includes(character)) gsmUnits += 2
    else return body.length <= 70 ? 1 : Math.ceil(body.length / 67)
  }
  return gsmUnits <= 160 ? 1 : Math.ceil(gsmUnits / 153)
}
