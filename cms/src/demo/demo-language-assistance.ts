/**
 * The demo clinic's language assistance taglines: free language help, in the 15 languages a
 * US clinic is most often asked for (US: Section 1557, 45 CFR 92.11). Written for this
 * project; a clinic replaces them with its own state's 15 languages. {phone} is filled in
 * with the clinic's number, so no tagline carries a number of its own.
 */
export const demoLanguageAssistance = [
  { language: 'es', languageName: 'Español', text: 'Si habla español, tiene a su disposición servicios gratuitos de ayuda con el idioma. Llame al {phone}.' },
  { language: 'zh-Hant', languageName: '繁體中文', text: '如果您說中文，我們可免費為您提供語言協助服務。請致電 {phone}。' },
  { language: 'vi', languageName: 'Tiếng Việt', text: 'Nếu quý vị nói tiếng Việt, chúng tôi có dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho quý vị. Xin gọi số {phone}.' },
  { language: 'tl', languageName: 'Tagalog', text: 'Kung nagsasalita ka ng Tagalog, may libreng tulong sa wika para sa iyo. Tumawag sa {phone}.' },
  { language: 'ko', languageName: '한국어', text: '한국어를 사용하시는 경우, 무료 언어 지원 서비스를 이용하실 수 있습니다. {phone}번으로 전화해 주십시오.' },
  { language: 'ar', languageName: 'العربية', text: 'إذا كنت تتحدث العربية، فإن خدمات المساعدة اللغوية متاحة لك مجانًا. اتصل على الرقم {phone}.' },
  { language: 'ru', languageName: 'Русский', text: 'Если вы говорите по-русски, вам доступны бесплатные услуги языковой помощи. Звоните по номеру {phone}.' },
  { language: 'fr', languageName: 'Français', text: 'Si vous parlez français, des services d’aide linguistique gratuits sont à votre disposition. Appelez le {phone}.' },
  { language: 'ht', languageName: 'Kreyòl ayisyen', text: 'Si ou pale kreyòl ayisyen, gen sèvis èd nan lang ou ki disponib gratis pou ou. Rele {phone}.' },
  { language: 'pt', languageName: 'Português', text: 'Se você fala português, há serviços gratuitos de assistência linguística à sua disposição. Ligue para {phone}.' },
  { language: 'de', languageName: 'Deutsch', text: 'Wenn Sie Deutsch sprechen, steht Ihnen kostenlose Sprachhilfe zur Verfügung. Rufen Sie {phone} an.' },
  { language: 'ja', languageName: '日本語', text: '日本語を話される方は、無料の言語支援サービスをご利用いただけます。{phone} までお電話ください。' },
  { language: 'hi', languageName: 'हिन्दी', text: 'यदि आप हिंदी बोलते हैं, तो आपके लिए भाषा सहायता सेवाएँ निःशुल्क उपलब्ध हैं। {phone} पर कॉल करें।' },
  { language: 'fa', languageName: 'فارسی', text: 'اگر به زبان فارسی صحبت می‌کنید، خدمات کمک زبانی به‌صورت رایگان در اختیار شماست. با شماره {phone} تماس بگیرید.' },
  { language: 'pl', languageName: 'Polski', text: 'Jeśli mówisz po polsku, możesz skorzystać z bezpłatnej pomocy językowej. Zadzwoń pod numer {phone}.' },
];
