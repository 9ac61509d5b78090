// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components"
import { LinesWithBreaks } from "./components"
import type { Audience } from "./data"
import { safeUrl } from "./format"
import type { Localized } from "./i18n"
import { BORDER_COLOR, FONT_STACK, MUTED_COLOR, TEXT_COLOR } from "./styles"

const bodyStyle: React.CSSProperties = { backgroundColor: "#f3f4f6", fontFamily: FONT_STACK, margin: 0, padding: "24px 0" }
const containerStyle: React.CSSProperties = {
  backgroundColor: "#ffffff",
  borderRadius: "8px",
  maxWidth: "600px",
  padding: "32px",
  color: TEXT_COLOR,
}
const storeNameStyle: React.CSSProperties = { fontSize: "20px", fontWeight: 700, margin: 0 }
const footerTextStyle: React.CSSProperties = { color: MUTED_COLOR, fontSize: "12px", lineHeight: "18px", margin: "4px 0" }

type LayoutProps = {
  l: Localized
  /** The line mail clients show next to the subject in the inbox. */
  preview: string
  audience: Audience
  children: React.ReactNode
}

function BrandHeader({ l }: { l: Localized }) {
  const { storeName, logoUrl } = l.branding
  const logo = safeUrl(logoUrl)
  return (
    <Section style={{ paddingBottom: "24px" }}>
      {logo ? (
        <Img src={logo} alt={storeName} height={40} style={{ height: "40px", width: "auto" }} />
      ) : (
        <Text style={{ ...storeNameStyle, color: l.branding.primaryColor }}>{storeName}</Text>
      )}
    </Section>
  )
}

function Footer({ l, audience }: { l: Localized; audience: Audience }) {
  const { supportEmail, address, primaryColor } = l.branding
  const common = l.strings.common
  const unsubscribeUrl = safeUrl(l.unsubscribeUrl)
  const linkStyle = { color: primaryColor }
  return (
    <Section>
      {audience === "merchant" ? <Text style={footerTextStyle}>{l.t(common.merchantNotice)}</Text> : null}
      {audience === "customer" && supportEmail ? (
        <Text style={footerTextStyle}>
          {common.supportPrompt}{" "}
          <Link href={`mailto:${supportEmail}`} style={linkStyle}>
            {supportEmail}
          </Link>
        </Text>
      ) : null}
      {address ? (
        <Text style={footerTextStyle}>
          <LinesWithBreaks lines={address.split(/\r?\n/)} />
        </Text>
      ) : null}
      {unsubscribeUrl ? (
        <Text style={footerTextStyle}>
          {common.unsubscribePrompt}{" "}
          <Link href={unsubscribeUrl} style={linkStyle}>
            {common.unsubscribe}
          </Link>
        </Text>
      ) : null}
    </Section>
  )
}

/** The frame every mail shares: brand header, the template's content, and the footer. */
export function EmailLayout({ l, preview, audience, children }: LayoutProps) {
  return (
    <Html lang={l.locale} dir="ltr">
      <Head />
      <Body style={bodyStyle}>
        <Preview>{preview}</Preview>
        <Container style={containerStyle}>
          <BrandHeader l={l} />
          <Section>{children}</Section>
          <Hr style={{ borderColor: BORDER_COLOR, margin: "32px 0 16px" }} />
          <Footer l={l} audience={audience} />
        </Container>
      </Body>
    </Html>
  )
}
