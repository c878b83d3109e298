import AbsherReading
import AbsherSchema

extension RuleCode {
    /// The rule's one-line summary in `language` (`summary` is the English one); like message templates, it may
    /// hold `` `code` `` spans.
    public func summary(_ language: ReportLanguage) -> String { language == .arabic ? arabicSummary : summary }

    /// The rule's one-line summary in Arabic (Modern Standard Arabic).
    public var arabicSummary: String {
        switch self {
        case .fileUnreadable: return "تعذّر فتح الملف أو قراءته."
        case .fileEmpty: return "الملف خالٍ من سطر العناوين."
        case .fileEncodingGuessed:
            return "الملف ليس `UTF-8` صالحًا ولا يحمل علامة ترتيب البايت؛ قُرئ بترميز `Windows-1256`."
        case .fileSameAsLastRun: return "للملف بصمة `SHA-256` نفسها لملف نوعه في آخر تشغيل مُعتمد: تصدير قديم؟"
        case .fileKindMissing: return "وضع اللقطة الكاملة دون ملف لهذا النوع: لا يُفحص أي من سجلاته ولا يُعطَّل."
        case .headerMissingColumn: return "عمود إلزامي غير موجود في سطر العناوين."
        case .headerDuplicateColumn: return "خليتان في سطر العناوين تسمّيان العمود نفسه."
        case .headerUnknownColumn: return "عنوان يسمّي عمودًا لا تعرفه الأداة؛ تم تجاهله."
        case .headerSensitiveColumn: return "في الملف عمود كلمة مرور؛ لا يُقرأ ولا يُخزَّن ولا يُعرض أبدًا."
        case .rowMalformed:
            return "عدد خلايا السجل أكثر أو أقل من العناوين، أو فيه علامة اقتباس غير مغلقة."
        case .requiredMissing: return "قيمة إلزامية فارغة."
        case .idFormat: return "رقم الهوية ليس 10 أرقام بالضبط."
        case .idChecksum: return "الرقم العاشر في الهوية ليس رقم التحقق."
        case .idKind: return "الرقم الأول في الهوية لا يطابق ما يتوقعه عمودها."
        case .mobileInvalid: return "القيمة ليست رقم جوال سعوديًا."
        case .emailInvalid: return "القيمة ليست عنوان بريد إلكتروني صالحًا."
        case .usernameInvalid:
            return
                "اسم المستخدم حروف وأرقام إنجليزية و«.» و«_» و«-» فقط، يبدأ بحرف، وطوله في الحدود المسموحة."
        case .nameScript: return "الاسم يحوي أحرفًا من غير خطّه."
        case .dateInvalid: return "القيمة ليست تاريخًا هجريًا أو ميلاديًا حقيقيًا بصيغة مقبولة."
        case .dateFuture: return "تاريخ الميلاد بعد تاريخ التشغيل."
        case .genderInvalid: return "الجنس: ذكر/أنثى أو `M`/`F` أو `male`/`female`."
        case .languageInvalid: return "اللغة المفضلة: `ar` أو `en`."
        case .nationalityInvalid: return "الجنسية رمز `ISO 3166-1` من ثلاثة أحرف غير `SAU`."
        case .sponsorTypeMismatch: return "نوع الكفيل غير معروف أو لا يتفق مع الرقم الأول لرقم الكفيل."
        case .documentExpired: return "انتهت الهوية أو الإقامة قبل تاريخ التشغيل."
        case .idDuplicate: return "الرقم نفسه مكرر بقيم متطابقة؛ دُمج مرة واحدة."
        case .idDuplicateConflict: return "الرقم نفسه مكرر بقيم مختلفة؛ رُفضت كل صفوفه."
        case .usernameTaken: return "اسم المستخدم لشخص آخر في قاعدة البيانات."
        case .usernameDuplicate: return "يطلب شخصان أو أكثر اسم المستخدم نفسه في هذا التشغيل."
        case .sponsorUnknown: return "كفيل المقيم ليس في كفلاء هذا التشغيل ولا في قاعدة البيانات."
        case .sponsorPersonUnknown: return "كفيل فرد ليس شخصًا معروفًا في هذا التشغيل أو قاعدة البيانات."
        case .mobileShared: return "رقم جوال واحد لأشخاص أكثر من المسموح."
        case .emailShared: return "بريد إلكتروني واحد لأشخاص أكثر من المسموح."
        case .personPossibleDuplicate: return "السجل وسجل شخص آخر برقم مختلف هما على الأرجح شخص واحد."
        case .storeInvalidRecord:
            return "رقم سجل مخزَّن ليس رقمًا صالحًا لنوعه (قاعدة بيانات عُدّلت يدويًا)؛ تُرك كما هو."
        }
    }
}
