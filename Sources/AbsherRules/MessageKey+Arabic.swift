import AbsherReading
import AbsherSchema

extension MessageKey {
    /// The Arabic template (Modern Standard Arabic; digits as the Arabic report writes numbers, `0`–`9`).
    public var arabic: String {
        switch self {
        case .ruleSummary: "{1}"
        case .fileUnreadableReason: "تعذّر فتح الملف أو قراءته: {1}"
        case .headerTooManyColumns: "عدد أعمدة سطر العناوين (السطر 1) {1}، والحد الأقصى المقروء {2}."
        case .headerTooLong: "طول سطر العناوين (السطر 1) {1} بايت، والحد الأقصى المقروء {2}."
        case .fileKindMissing: "وضع اللقطة الكاملة دون ملف {1}: لا يُفحص أي من سجلات هذا النوع ولا يُعطَّل."
        case .fileSameAsLastRun:
            "للملف بصمة `SHA-256` نفسها ({1}…) لملف نوعه في آخر تشغيل مُعتمد: هل التصدير قديم؟"
        case .headerSensitiveColumn: "العمود {1} عمود كلمة مرور؛ يُتجاهل ولا يُخزَّن ولا يُعرض أبدًا."
        case .headerUnknownColumn: "العمود {1} «{2}» ليس من أعمدة {3}؛ تم تجاهله."
        case .headerDuplicateColumn: "العمود {1} يسمّي العمود {2} مرة أخرى؛ لا يمكن قراءة الملف بأمان."
        case .headerMissingColumn: "العمود الإلزامي {1} ({2}) غير موجود في سطر العناوين."
        case .rowCellCount: "عدد خلايا السجل {1}، وعدد أعمدة سطر العناوين {2}."
        case .rowUnterminatedQuote: "في السجل علامة اقتباس لم تُغلق، فهو يمتد إلى نهاية الملف."
        case .requiredMissing: "القيمة الإلزامية {1} فارغة."
        case .valueTooLong: "عدد أحرف قيمة {1} هو {2}، والحد الأقصى المقبول {3}."
        case .idDigitCount: "عدد أرقام الهوية {1}، والمطلوب 10 أرقام بالضبط."
        case .idCharacter: "في الهوية «{1}» في الموضع {2}، والمطلوب 10 أرقام لا غير."
        case .idChecksum: "رقم التحقق (الرقم العاشر) هو {1}، ورقم التحقق الصحيح للأرقام التسعة الأولى هو {2}."
        case .idKind: "يبدأ الرقم بـ {1}، فهو {2}؛ والعمود {3} يقبل {4}."
        case .idKindUnknown: "يبدأ الرقم بـ {1}، ولا يبدأ به أي نوع من الأرقام؛ والعمود {2} يقبل {3}."
        case .mobileCharacter:
            "في رقم الجوال «{1}» في الموضع {2}؛ ولا يُقبل فيه إلا الأرقام والمسافات و«-» و«.» والأقواس و«+» في أوله."
        case .mobileDigitCount:
            "عدد أرقام الجوال {1}؛ والجوال السعودي 05 تليها 8 أرقام، أو 9 أرقام بعد +966."
        case .mobileCountryCode: "يبدأ الرقم بـ +{1} لا بـ +966، فليس رقمًا سعوديًا."
        case .mobileLandline: "هذا رقم هاتف ثابت (رمز المنطقة {1}) وليس جوالًا؛ والجوال السعودي يبدأ بـ 05."
        case .mobilePrefix:
            "{1} ليست بادئة جوال: يبدأ الجوال السعودي بـ 050 أو 051 أو من 053 إلى 056 أو 058 أو 059 "
                + "أو من 0570 إلى 0578 أو من 05790 إلى 05798."
        case .mobileNotFive: "الرقم الوطني للجوال السعودي يبدأ بالرقم 5، وهذا يبدأ بـ {1}."
        case .emailNoAt: "لا يحوي العنوان «@»؛ والبريد الإلكتروني اسم ثم «@» ثم نطاق."
        case .emailManyAt: "عدد علامات «@» في العنوان {1}، وفي البريد الإلكتروني علامة واحدة بالضبط."
        case .emailLocalEmpty: "لا شيء قبل «@»."
        case .emailLocalTooLong: "عدد أحرف الجزء الذي قبل «@» هو {1}، والحد الأقصى 64."
        case .emailLocalCharacter: "«{1}» في الموضع {2} غير مسموح قبل «@»."
        case .emailLocalLeadingDot: "يبدأ الجزء الذي قبل «@» بنقطة."
        case .emailLocalTrailingDot: "ينتهي الجزء الذي قبل «@» بنقطة."
        case .emailLocalDoubleDot: "في الجزء الذي قبل «@» نقطتان متتاليتان في الموضع {1}."
        case .emailDomainEmpty: "لا شيء بعد «@»."
        case .emailDomainOneLabel:
            "للنطاق {1} مقطع واحد، والمطلوب مقطعان على الأقل تفصل بينهما نقطة (مثل `example.sa`)."
        case .emailDomainEmptyLabel: "في النطاق {1} مقطع فارغ: نقطة في طرفه أو نقطتان متتاليتان."
        case .emailDomainHyphen: "مقطع من النطاق {1} يبدأ بشرطة أو ينتهي بها."
        case .emailDomainLabelTooLong: "عدد أحرف مقطع من النطاق {1} هو {2}، والحد الأقصى 63."
        case .emailDomainTooLong: "عدد أحرف النطاق {1}، والحد الأقصى 253."
        case .emailDomainCharacter: "«{1}» في الموضع {2} غير مسموح في النطاق."
        case .emailDomainNumericTop: "ينتهي النطاق {1} بالمقطع {2} وكله أرقام؛ والنطاق الأعلى فيه حروف."
        case .emailTooLong: "عدد أحرف العنوان {1}، والحد الأقصى 254."
        case .usernameFirstCharacter: "يبدأ اسم المستخدم بـ «{1}»، ويجب أن يبدأ بحرف إنجليزي."
        case .usernameCharacter:
            "«{1}» في الموضع {2} غير مسموح؛ اسم المستخدم حروف إنجليزية وأرقام و«.» و«_» و«-» فقط."
        case .usernameTooShort: "عدد أحرف اسم المستخدم {1}، والحد الأدنى {2}."
        case .usernameTooLong: "عدد أحرف اسم المستخدم {1}، والحد الأقصى {2}."
        case .nameCharacter: "«{1}» في الموضع {2} {3}؛ والعمود {4} يقبل {5}."
        case .nameNoLetter: "لا يحوي {1} أي حرف."
        case .dateForm: "القيمة ليست تاريخًا بالصيغة `YYYY-MM-DD` أو `DD/MM/YYYY`."
        case .dateYearRange: "السنة {1} خارج نطاق التقويمين: الهجري من 1300 إلى 1500، والميلادي من 1900 إلى 2100."
        case .dateHijriMarkGregorianYear: "التاريخ موسوم بأنه هجري، لكن {1} ليست سنة هجرية (من 1300 إلى 1500)."
        case .dateMonth: "لا يوجد الشهر {1}؛ فالأشهر من 1 إلى 12."
        case .dateDayGregorian: "لا يوجد يوم {1} من {2} {3}: عدد أيام {2} {3} هو {4}."
        case .dateDayHijri: "لا يوجد يوم {1} من {2} {3} هـ: عدد أيام {2} {3} هـ هو {4}."
        case .dateFuture: "تاريخ الميلاد {1} بعد تاريخ التشغيل {2}."
        case .documentExpired: "انتهت الوثيقة في {1}، قبل تاريخ التشغيل {3} (الفرق بالأيام: {2})."
        case .genderWord: "«{1}» ليست قيمة للجنس؛ المقبول ذكر أو أنثى، أو `M` أو `F`، أو `male` أو `female`."
        case .languageWord:
            "«{1}» ليست لغة مفضلة؛ المقبول `ar` أو `en` (وكذلك `arabic` و`english` والعربية والإنجليزية)."
        case .nationalitySaudi: "`SAU` رمز المملكة العربية السعودية؛ وجنسية المقيم رمز بلد آخر."
        case .nationalityShape:
            "«{1}» ليست ثلاثة أحرف لاتينية؛ والجنسية رمز من ثلاثة أحرف وفق `ISO 3166-1 alpha-3` مثل `IND`."
        case .nationalityUnassigned: "«{1}» ليس رمزًا مخصّصًا في `ISO 3166-1 alpha-3`."
        case .sponsorTypeWord: "«{1}» ليس نوع كفيل؛ المقبول `individual` (فرد) أو `establishment` (منشأة)."
        case .sponsorTypeDisagrees: "نوع الكفيل {1}، لكن رقم الكفيل الذي يبدأ بـ {2} رقمُ {3}."
        case .idRepeat: "تكرار مطابق للسطر {1}؛ دُمج مرة واحدة."
        case .idConflict: "عدد الصفوف التي تحمل هذا الرقم بقيم مختلفة {1} (الأسطر {2})؛ رُفضت كلها."
        case .usernameTaken: "اسم المستخدم {1} مملوك لـ {2} في قاعدة البيانات."
        case .usernameDuplicate: "عدد الأشخاص الذين يطلبون اسم المستخدم {1} هو {2}: {3}."
        case .sponsorUnknown: "الكفيل {1} ليس من كفلاء هذا التشغيل، {2}."
        case .sponsorUnknownRejected:
            "الكفيل {1} في {2} في السطر {3}، لكن ذلك الصف رُفض ({4})، فليس كفيلًا في هذا التشغيل، {5}."
        case .sponsorUnknownPerson: "الكفيل {1} شخص في {2} (السطر {3}) لكنه ليس من كفلاء هذا التشغيل، {4}."
        case .sponsorPersonUnknown: "الكفيل الفرد {1} ليس شخصًا في هذا التشغيل، {2}."
        case .sponsorPersonRejected:
            "الكفيل الفرد {1} في {2} في السطر {3}، لكن ذلك الصف رُفض ({4})، فليس شخصًا في هذا التشغيل، {5}."
        case .mobileShared: "عدد الأشخاص الذين يشتركون في هذا الجوال {1}، والحد الأقصى {2} (`--max-per-mobile`)."
        case .emailShared:
            "عدد الأشخاص الذين يشتركون في هذا البريد الإلكتروني {1}، والحد الأقصى {2} (`--max-per-email`)."
        case .personPossibleDuplicate: "على الأرجح الشخص نفسه {1} {2} (الدرجة {3}؛ المتطابق: {4})."
        case .personPossibleDuplicateInStore:
            "على الأرجح الشخص نفسه {1} {2} في قاعدة البيانات (الدرجة {3}؛ المتطابق: {4})."
        case .storeInvalidRecord:
            "السجل المخزَّن من نوع {1} ذو الرقم «{2}» ليس بشكل رقم من هذا النوع؛ تُرك كما هو، فلا يُقارن ولا "
                + "يُحدَّث ولا يُعطَّل."
        case .storeInvalidRecordAndMore:
            "السجل المخزَّن من نوع {1} ذو الرقم «{2}» ليس بشكل رقم من هذا النوع؛ تُرك كما هو، فلا يُقارن ولا "
                + "يُحدَّث ولا يُعطَّل. وعدد السجلات المماثلة الأخرى من هذا النوع {3}."
        }
    }
}
