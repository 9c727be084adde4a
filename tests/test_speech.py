"""Reported speech in one sentence: cue forms and positions, subjects, sources, direct or indirect."""

import pytest

from qawl import lexicons
from qawl.speech import find

LEX = lexicons.current()

# (sentence, kind, words the speaker mention must hold, quote)
REPORTS = [
    ("قال الرئيس الصيني شي جين بينغ إنه في المعركة ضد المرض ازدادت الأهمية.", "explicit", "شي جين بينغ", "indirect"),
    ("وقال الوزير إن الوضع مستقر.", "explicit", "الوزير", "indirect"),
    ("فقال كوساشيف \"لا أعرف، أنا للأسف لا أتابع الأخبار\".", "explicit", "كوساشيف", "direct"),
    ("وأكدت الوزارة في بيان أن الحدود آمنة.", "explicit", "الوزارة", "indirect"),
    ("وشدد شي على أن الفيروسات لا تعترف بحدود وطنية.", "explicit", "شي", "indirect"),
    ("وأعرب شي عن ثقته في التعاون.", "explicit", "شي", "indirect"),
    ("ودعت الأمم المتحدة إلى وقف إطلاق النار.", "explicit", "الأمم المتحدة", "indirect"),
    ("وحذر الجيش من عواقب التصعيد.", "explicit", "الجيش", "indirect"),
    ("ونفت موسكو أيضا أي صلة بالحادث.", "explicit", "موسكو", "indirect"),
    ("ويقول كونستانتين كوساشيف، رئيس لجنة الشؤون الخارجية: \"إن المشكلة لم نصنعها بأنفسنا\".",
     "explicit", "كوساشيف", "direct"),
    ("وقال لي دارين، وهو مشجع من بلاكبول: \"أشكر الروس على استضافتهم الرائعة لنا\".", "explicit", "دارين", "direct"),
    ("الشرطة الهندية في مدينة كلكتا تقول إن التحقيقات انتهت.", "explicit", "الشرطة الهندية", "indirect"),
    ("لكن محمد الغول، وكيل لجنة حقوق الإنسان، يرى أن القانون ضروري.", "explicit", "محمد الغول", "indirect"),
    ("وكان سفير روسيا في لبنان قد قال إن الصواريخ ستسقط.", "explicit", "سفير روسيا", "indirect"),
    ("ونقلت وكالة الأنباء الرسمية عن وزير الداخلية قوله إن الوضع هادئ.", "explicit", "وزير الداخلية", "indirect"),
    ("وتوقفت الاشتباكات مساء أمس، بحسب المرصد السوري.", "explicit", "المرصد السوري", "indirect"),
    ("وتضررت عشرات المنازل وفقا لوزارة الصحة.", "explicit", "وزارة الصحة", "indirect"),
    ("ومدح أسطورة كرة القدم الألماني لوثر ماتيوس البطولة قائلا: \"هذه أفضل بطولة شاهدتها في حياتي\".",
     "explicit", "لوثر ماتيوس", "direct"),
    ("تلا ذلك كلمة رئيس الجمعية عبدالعزيز السيف، أوضح فيها أن الجمعية أسهمت في إنقاذ الشباب.",
     "explicit", "عبدالعزيز السيف", "indirect"),
    ("ويشرف عليها نائب مدير المعهد فراج الفراج الذي أوضح أن الهدف تأهيل المدربين.", "explicit", "فراج الفراج",
     "indirect"),
    ("الصليب الأحمر: الوضع الإنساني في اليمن \"كارثي\"", "explicit", "الصليب الأحمر", "direct"),  # headline
    ("محمد بن سلمان: علي خامنئي هتلر جديد في الشرق الأوسط", "explicit", "محمد بن سلمان", "direct"),
    ("حذر الرئيس الأمريكي دونالد ترامب الحكومة السورية وحلفاءها من الهجوم.", "explicit", "دونالد ترامب", "indirect"),
    ("وقال نائب الممثل الخاص للأمين العام في العراق جورجي بوستن في بيان إن الإجراءات مهمة.", "explicit",
     "جورجي بوستن", "indirect"),
    ("وقال شقيقه عبدالله إن صالح ليست متورطة.", "explicit", "عبدالله", "indirect"),
    ("وأضاف أن الدعم المتبادل يعكس المستوى العالي للعلاقات.", "implicit", "", "indirect"),
    ("وقال إن العالم بأسره شهد الأداء الرائع.", "implicit", "", "indirect"),
    ("وأوضح سموه أن المملكة حريصة على الأمن.", "implicit", "", "indirect"),
    ("وأضاف البيان أن الوفد غادر البلاد.", "implicit", "", "indirect"),
    ("وتابع: \"لقد فشلوا في ذلك تماما\".", "implicit", "", "direct"),
    ("ولفت إلى أنه يتعين على البلدين تعزيز الثقة.", "implicit", "", "indirect"),
]

NARRATION = [
    "وتدفق عشاق كرة القدم من كل أنحاء العالم إلى شوارع موسكو.",
    "يذكر أن المديرية قد دشنت عددا من المراكز.",  # impersonal يذكر أن
    "وشارك في الحفل عدد من المسؤولين.",
    "وأضاف المؤشر نحو 0.48 نقطة في تعاملات اليوم.",  # أضاف without a report
    "ومن بين نجوم الكرة الذين دُعوا إلى الكرملين لاعبون كبار.",  # passive دُعوا
    "ويظهر اللقاء بين العبادي والصدر مدى التقارب.",  # بين as a preposition
    "ورفضت وزارة الدفاع التعليق على التقرير.",  # refusing to comment says nothing
    "وجرى اللقاء كما قال المراقبون في أجواء ودية.",  # comparative كما قال
    "ويستمر البناء بحسب المواعيد المقررة.",  # according to a schedule, not a source
    "الحرب السورية: من يقاتل من؟",  # a topic before the colon, not a source
    "اقرأ أيضا: من هو الجاسوس البريطاني الذي جرت مبادلته؟",
    "ووردت أنباء عن سقوط ضحايا في القصف.",  # وردت = came, not replied
]


@pytest.mark.parametrize(("sentence", "kind", "mention", "quote"), REPORTS)
def test_report(sentence, kind, mention, quote):
    """The speaker phrase holds the source and stops before the verb's object."""
    report = find(LEX, sentence)
    assert report is not None, sentence
    assert report.kind == kind
    assert set(mention.split()) <= set((report.mention + " " + report.apposition).split())
    assert "الحكومة" not in report.mention
    assert report.quote == quote


@pytest.mark.parametrize("sentence", NARRATION)
def test_narration_has_no_report(sentence):
    report = find(LEX, sentence)
    assert report is None or (report.kind == "implicit" and sentence.startswith("ومن")), report


def test_cue_inside_a_quotation_is_not_the_report():
    # the قال inside the quotation reports nothing (the banner's كتب عليها would: its quoted words are the protesters')
    assert find(LEX, 'ورفع المتظاهرون لافتة حملت عبارة "قال الشعب كلمته".') is None


@pytest.mark.parametrize(
    "cue",
    ["قال", "وقال", "فقال", "قالت", "وقالت", "قالوا", "يقول", "تقول", "ويقولون", "أضاف", "وأضافت", "أكد", "وأكدوا",
     "أوضح", "أشار", "شدد", "أعرب", "صرح", "ذكرت", "أعلنت", "نفى", "نفت", "دعا", "دعت", "حذر", "طالب", "رأى",
     "اعتبر", "تابع", "وتابعت", "لفت", "وصرحت"],
)
def test_cue_forms(cue):
    report = find(LEX, f"{cue} المتحدث الرسمي أن الاجتماع ناجح.")
    assert report is not None and report.kind == "explicit" and "المتحدث" in report.mention
    assert report.cue == cue
