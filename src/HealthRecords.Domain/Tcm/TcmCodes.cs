using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tcm;

// The code tables of 老年人中医药健康管理服务记录表 and the 中医药健康管理服务 item of the 0–36-month check-up forms
// (国家基本公共卫生服务规范（第三版）; third-edition.md §1–2). The nine constitutions are Examinations.TcmConstitution and
// the results 是 / 倾向是 (平和质: 是 / 基本是) Examinations.TcmAnswer, as the 健康体检表's 中医体质辨识* item records them.

/// <summary>
/// The answer to a question of the questionnaire, about the past year (third-edition.md §1). Questions (9), (14), (17)
/// and (28) print their own anchors for the same five numbers (<see cref="TcmQuestions"/>).
/// </summary>
public enum TcmFrequency
{
    [Label("没有（根本不/从来没有）")] Never = 1,
    [Label("很少（有一点/偶尔）")] Rarely = 2,
    [Label("有时（有些/少数时间）")] Sometimes = 3,
    [Label("经常（相当/多数时间）")] Often = 4,
    [Label("总是（非常/每天）")] Always = 5,
}

/// <summary>中医药保健指导, ticked per constitution found (several may be ticked); 6 其他 is written out.</summary>
public enum TcmGuidance
{
    [Label("情志调摄")] Emotions = 1,
    [Label("饮食调养")] Diet = 2,
    [Label("起居调摄")] DailyRoutine = 3,
    [Label("运动保健")] Exercise = 4,
    [Label("穴位保健")] Acupoints = 5,
    [Label("其他"), Blank] Other = 6,
}

/// <summary>
/// 中医药健康管理服务 on the 6–36-month check-up forms: 1 中医饮食调养指导 2 中医起居调摄指导 3 the massage taught at
/// that age (<see cref="ChildTcmRules.MethodTaught"/>) 4 其他. Several may be ticked.
/// </summary>
public enum ChildTcmGuidanceItem
{
    [Label("中医饮食调养指导")] Diet = 1,
    [Label("中医起居调摄指导")] DailyRoutine = 2,
    [Label("传授中医穴位按揉方法")] Massage = 3,
    [Label("其他"), Blank] Other = 4,
}

/// <summary>
/// What the questionnaire's notes ask of a result (third-edition.md §1): an empty or contradictory result is checked
/// again or the questionnaire repeated after 2 weeks; a tie for the main constitution is the TCM doctor's call.
/// </summary>
public enum TcmResultNote
{
    [Label("未判定出任何体质：请核对答案，或2周后重新填写问卷")] NoneFound = 1,
    [Label("阴虚质与阳虚质同时判定，结果矛盾：请核对答案，或2周后重新填写问卷")] Contradictory = 2,
    [Label("兼夹体质中得分最高者不止一种：由中医师判断以何种体质为主")] TiedForMain = 3,
}
