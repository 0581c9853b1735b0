import QRCode from "qrcode";
import { formatJoinCode } from "../../core/dialogue/joinCode.ts";

/** How people get into a session: the code to type, the link to open and the QR code to scan. */
export async function joinInfo(publicUrl: string, joinCode: string) {
  const shortUrl = `${publicUrl}/live/${joinCode}`;
  const qrSvg = await QRCode.toString(shortUrl, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return { code: formatJoinCode(joinCode), joinUrl: `${publicUrl}/live`, shortUrl, qrSvg };
}
