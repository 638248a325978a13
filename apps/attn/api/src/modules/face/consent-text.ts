// The text a student agrees to before enrolling their face, in each of the app's languages. Its
// version is stored with each consent, so we always know which words a student agreed to; a
// change of substance gets a new version (in every language at once), and new enrolments then
// need consent to it.

export interface ConsentText {
  version: string;
  /** The English text: the reference wording. */
  text: string;
  /** The same text in each language the app speaks. */
  texts: { en: string; tr: string };
}

const en = [
  'Face verification for attendance',
  '',
  'What we store: from the one to three photos you upload, we compute a short list of numbers ' +
    'describing your face (an "embedding") and store only those numbers, with the date and ' +
    'which version of this text you agreed to. Your photos are analysed in memory and never ' +
    'saved. The numbers cannot be turned back into your photo.',
  '',
  'What for: only to check that the selfie you take when checking in to a session that ' +
    'requires one shows you. Sessions that do not require a selfie never use them.',
  '',
  'Who sees what: nobody looks at your stored numbers; the system compares them with your ' +
    'selfie. A selfie is deleted as soon as it has been checked. When a selfie does not clearly ' +
    "match, it is kept for your course's teachers to look at and decide, for seven days at most, " +
    'then deleted. Your teachers see whether each check-in was verified.',
  '',
  'How long: the numbers are kept until you withdraw this consent or your account ends, ' +
    'whichever comes first.',
  '',
  'How to withdraw: at any time, in the app ("Withdraw face consent" on your home screen). ' +
    'Your stored numbers are deleted at once.',
  '',
  'Consenting is your choice. Without it, you never need a camera: when a session requires a ' +
    'selfie, your teacher confirms your attendance in person. You can consent and enrol again later.',
].join('\n');

const tr = [
  'Yoklama için yüz doğrulama',
  '',
  'Ne saklıyoruz: Yüklediğiniz bir ila üç fotoğraftan yüzünüzü tanımlayan kısa bir sayı listesi ' +
    'hesaplıyor ve yalnızca bu sayıları, tarihle ve bu metnin hangi sürümünü onayladığınızla ' +
    'birlikte saklıyoruz. Fotoğraflarınız bellekte incelenir ve hiçbir zaman kaydedilmez. Bu ' +
    'sayılardan fotoğrafınız geri elde edilemez.',
  '',
  'Ne için: Yalnızca, özçekim isteyen bir oturumda yoklamaya katılırken çektiğiniz özçekimin ' +
    'sizi gösterdiğini denetlemek için. Özçekim istemeyen oturumlar bu sayıları hiç kullanmaz.',
  '',
  'Kim neyi görür: Saklanan sayılarınıza kimse bakmaz; sistem onları özçekiminizle karşılaştırır. ' +
    'Özçekim, denetlenir denetlenmez silinir. Özçekim açıkça eşleşmediğinde, dersinizin ' +
    'öğretmenleri bakıp karar versin diye en çok yedi gün saklanır, sonra silinir. ' +
    'Öğretmenleriniz her yoklama kaydının doğrulanıp doğrulanmadığını görür.',
  '',
  'Ne kadar süre: Sayılar, bu onayı geri çekene ya da hesabınız kapanana kadar (hangisi önce ' +
    'olursa) saklanır.',
  '',
  'Nasıl geri çekilir: İstediğiniz zaman, uygulamada (ana ekranınızdaki "Yüz onayını geri çek"). ' +
    'Saklanan sayılarınız hemen silinir.',
  '',
  'Onay vermek sizin seçiminizdir. Onay vermezseniz hiçbir zaman kamera gerekmez: bir oturum ' +
    'özçekim istediğinde öğretmeniniz katılımınızı yüz yüze onaylar. Daha sonra yine onay ' +
    'verip kaydolabilirsiniz.',
].join('\n');

export const FACE_CONSENT_TEXT: ConsentText = {
  // v2: says who sees a selfie and how long one kept for review lives; in Turkish too.
  version: '2026-11-v2',
  text: en,
  texts: { en, tr },
};
