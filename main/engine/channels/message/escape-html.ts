/** Text inside HTML (an e-mail's HTML part, Telegram's HTML mode): the four characters that could open markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
