/// The names, nationalities and domains people are drawn from, as UTF-8 bytes built once.
enum NameCatalogue {
    /// A name in Arabic script, its usual English spelling and a variant spelling.
    struct Name {
        let arabic: [UInt8]
        let english: [UInt8]
        let variant: [UInt8]

        init(_ arabic: String, _ english: String, _ variant: String? = nil) {
            self.arabic = Array(arabic.utf8)
            self.english = Array(english.utf8)
            self.variant = Array((variant ?? english).utf8)
        }
    }

    /// Names that belong together: given names by gender, family names and nationalities.
    struct Group {
        let male: [Name]
        let female: [Name]
        let family: [Name]
        let nationalities: [[UInt8]]
    }

    static let saudi = Group(
        male: [
            Name("محمد", "Mohammed", "Muhammad"), Name("أحمد", "Ahmed", "Ahmad"),
            Name("عبدالله", "Abdullah", "Abdallah"), Name("عبدالرحمن", "Abdulrahman", "Abdelrahman"),
            Name("خالد", "Khalid", "Khaled"), Name("فهد", "Fahad", "Fahd"), Name("سعود", "Saud", "Saoud"),
            Name("سلطان", "Sultan", "Soltan"), Name("فيصل", "Faisal", "Faysal"), Name("ناصر", "Nasser", "Nasir"),
            Name("تركي", "Turki", "Turky"), Name("بندر", "Bandar", "Bander"), Name("ماجد", "Majed", "Majid"),
            Name("عمر", "Omar", "Umar"), Name("يوسف", "Yousef", "Yusuf"), Name("إبراهيم", "Ibrahim", "Ebrahim"),
            Name("سلمان", "Salman", "Selman"), Name("نايف", "Naif", "Nayef"), Name("مشعل", "Mishal", "Meshal"),
            Name("راشد", "Rashid", "Rashed"), Name("حمد", "Hamad", "Hamed"), Name("علي", "Ali", "Aly"),
            Name("حسن", "Hassan", "Hasan"), Name("زياد", "Ziyad", "Ziad"), Name("ياسر", "Yasser", "Yasir"),
            Name("عادل", "Adel", "Adil"), Name("وليد", "Waleed", "Walid"), Name("طلال", "Talal", "Tallal"),
            Name("منصور", "Mansour", "Mansur"), Name("سعد", "Saad", "Sa'ad"),
        ],
        female: [
            Name("نورة", "Noura", "Nora"), Name("فاطمة", "Fatimah", "Fatima"), Name("سارة", "Sarah", "Sara"),
            Name("ريم", "Reem", "Rim"), Name("هند", "Hind", "Hend"), Name("لطيفة", "Latifa", "Latifah"),
            Name("منيرة", "Munira", "Mounira"), Name("الجوهرة", "Aljohara", "Al-Jawhara"),
            Name("العنود", "Alanoud", "Al-Anoud"), Name("مها", "Maha", "Mahaa"), Name("أمل", "Amal", "Amaal"),
            Name("هيفاء", "Haifa", "Haifaa"), Name("دانة", "Dana", "Danah"), Name("لمى", "Lama", "Lamaa"),
            Name("شهد", "Shahad", "Shahd"), Name("جود", "Joud", "Jood"), Name("رهف", "Rahaf", "Rahef"),
            Name("غادة", "Ghada", "Ghadah"), Name("عائشة", "Aisha", "Aishah"), Name("مريم", "Maryam", "Mariam"),
        ],
        family: [
            Name("العتيبي", "Al-Otaibi", "Alotaibi"), Name("القحطاني", "Al-Qahtani", "Alqahtani"),
            Name("الغامدي", "Al-Ghamdi", "Alghamdi"), Name("الزهراني", "Al-Zahrani", "Alzahrani"),
            Name("الحربي", "Al-Harbi", "Alharbi"), Name("الدوسري", "Al-Dosari", "Aldossary"),
            Name("الشمري", "Al-Shammari", "Alshammari"), Name("المطيري", "Al-Mutairi", "Almutairi"),
            Name("العنزي", "Al-Anazi", "Alenezi"), Name("الشهري", "Al-Shehri", "Alshehri"),
            Name("السبيعي", "Al-Subaie", "Alsubaie"), Name("الرشيدي", "Al-Rashidi", "Alrashidi"),
            Name("البقمي", "Al-Baqami", "Albaqami"), Name("السهلي", "Al-Sahli", "Alsahli"),
            Name("العمري", "Al-Omari", "Alomari"), Name("الأحمدي", "Al-Ahmadi", "Alahmadi"),
            Name("الجهني", "Al-Juhani", "Aljohani"), Name("الخالدي", "Al-Khalidi", "Alkhaldi"),
            Name("الفيفي", "Al-Faifi", "Alfaifi"), Name("المالكي", "Al-Malki", "Almalki"),
            Name("الثقفي", "Al-Thaqafi", "Althaqafi"), Name("الرويلي", "Al-Ruwaili", "Alruwaili"),
            Name("البلوي", "Al-Balawi", "Albalawi"), Name("اليامي", "Al-Yami", "Alyami"),
            Name("الهاجري", "Al-Hajri", "Alhajri"), Name("الشهراني", "Al-Shahrani", "Alshahrani"),
            Name("العسيري", "Al-Asiri", "Alasiri"), Name("الزهراني", "Al-Zahrani", "Zahrani"),
        ],
        nationalities: []
    )

    static let arab = Group(
        male: Array(saudi.male.prefix(16)),
        female: Array(saudi.female.prefix(10)),
        family: [
            Name("المصري", "Elmasry", "El-Masry"), Name("عبدالعزيز", "Abdelaziz", "Abdulaziz"),
            Name("سليمان", "Soliman", "Suleiman"), Name("النجار", "Elnaggar", "Al-Najjar"),
            Name("الخطيب", "Alkhatib", "El-Khatib"), Name("حداد", "Haddad", "Hadad"),
            Name("الحسيني", "Alhusseini", "El-Husseini"), Name("الأيوبي", "Alayoubi", "Al-Ayoubi"),
            Name("عثمان", "Osman", "Othman"), Name("الصافي", "Alsafi", "El-Safi"),
        ],
        nationalities: ["EGY", "YEM", "SDN", "JOR", "SYR", "LBN", "PSE", "MAR", "TUN", "IRQ"].map { Array($0.utf8) }
    )

    static let southAsian = Group(
        male: [
            Name("راهول", "Rahul", "Raul"), Name("عمران", "Imran", "Imraan"), Name("سانجاي", "Sanjay", "Sanjai"),
            Name("أنيل", "Anil", "Aneel"), Name("راجيش", "Rajesh", "Rajeesh"), Name("عارف", "Arif", "Aarif"),
            Name("شاهد", "Shahid", "Shahed"), Name("كمال", "Kamal", "Kamaal"), Name("رفيق", "Rafiq", "Rafik"),
            Name("سوريش", "Suresh", "Sureesh"), Name("ديباك", "Deepak", "Dipak"), Name("عثمان", "Usman", "Osman"),
            Name("براكاش", "Prakash", "Parkash"),
        ],
        female: [
            Name("بريا", "Priya", "Pria"), Name("أنجالي", "Anjali", "Anjaly"), Name("سونيا", "Sonia", "Sonya"),
            Name("عائشة", "Ayesha", "Aisha"), Name("نسرين", "Nasreen", "Nasrin"),
        ],
        family: [
            Name("كومار", "Kumar", "Kumaar"), Name("خان", "Khan", "Khaan"), Name("شارما", "Sharma", "Sharmaa"),
            Name("حسين", "Hussain", "Hussein"), Name("سينغ", "Singh", "Sing"), Name("رحمن", "Rahman", "Rehman"),
            Name("إسلام", "Islam", "Eslam"), Name("باتيل", "Patel", "Patil"), Name("ناير", "Nair", "Nayar"),
            Name("مالك", "Malik", "Malick"), Name("شودري", "Chowdhury", "Choudhury"),
        ],
        nationalities: ["IND", "PAK", "BGD", "NPL", "LKA", "AFG"].map { Array($0.utf8) }
    )

    static let other = Group(
        male: [
            Name("خوسيه", "Jose", "Josef"), Name("جون", "John", "Jon"), Name("مارك", "Mark", "Marc"),
            Name("أنجيلو", "Angelo", "Anjelo"), Name("دانيال", "Daniel", "Danyal"), Name("ديفيد", "David", "Dave"),
            Name("أبيبي", "Abebe", "Abebeh"), Name("إمري", "Emre", "Emreh"),
        ],
        female: [
            Name("ماريا", "Maria", "Mariah"), Name("ميشيل", "Michelle", "Michele"), Name("روزا", "Rosa", "Rose"),
            Name("جوي", "Joy", "Joi"), Name("آنا", "Ana", "Anna"),
        ],
        family: [
            Name("سانتوس", "Santos", "Dos Santos"), Name("ريس", "Reyes", "Reys"), Name("كروز", "Cruz", "De la Cruz"),
            Name("غارسيا", "Garcia", "Garsia"), Name("سميث", "Smith", "Smyth"), Name("ميندوزا", "Mendoza", "Mendosa"),
            Name("باوتيستا", "Bautista", "Batista"), Name("أوكونكو", "Okonkwo", "Okonkwoh"),
            Name("تسفاي", "Tesfaye", "Tesfay"), Name("يلماز", "Yilmaz", "Yilmas"),
            Name("ويليامز", "Williams", "Wiliams"),
        ],
        nationalities: ["PHL", "IDN", "ETH", "KEN", "UGA", "NGA", "GBR", "USA", "TUR", "LKA"].map { Array($0.utf8) }
    )

    /// Resident groups, weighted roughly like the kingdom's foreign workforce.
    static let residentGroups: [Group] = [southAsian, southAsian, southAsian, arab, arab, other]

    /// Trading names of establishments that sponsor residents.
    static let establishments: [[UInt8]] = [
        "شركة المراعي", "مؤسسة البناء الحديث للمقاولات", "شركة الاتصالات السعودية", "مجموعة بن لادن",
        "شركة النهدي الطبية", "Almarai Company", "Saudi Binladin Group", "Jarir Bookstore",
        "مؤسسة الفجر للتجارة", "شركة الخليج للتقنية", "Panda Retail Company", "مستشفى الحمادي",
        "شركة الرياض للنقل", "Red Sea Catering", "مطاعم البيك", "Nahdi Medical Company",
    ].map { Array($0.utf8) }

    static let emailDomains: [[UInt8]] = [
        "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com",
        "outlook.sa", "stc.com.sa", "mail.sa",
    ].map { Array($0.utf8) }
}
