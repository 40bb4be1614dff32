using A = HealthRecords.Domain.Children.CheckupAge;

namespace HealthRecords.Domain.Children;

/// <summary>The rows of the three check-up forms whose presence depends on the check-up age. Rows every column has
/// (随访日期, 体重, 身长/身高, 转诊建议, 下次随访日期, 随访医生签名) are not listed.</summary>
public enum CheckupItem
{
    [Label("头围")] HeadCircumference = 1,
    [Label("面色（1红润 2黄染 3其他）")] ComplexionEarly = 2,
    [Label("面色（1红润 2其他）")] Complexion = 3,
    [Label("皮肤")] Skin = 4,
    [Label("前囟")] Fontanelle = 5,
    [Label("颈部包块")] NeckMass = 6,
    [Label("眼外观")] Eyes = 7,
    [Label("耳外观")] Ears = 8,
    [Label("听力")] Hearing = 9,
    [Label("口腔")] Mouth = 10,
    [Label("出牙数")] TeethErupted = 11,
    [Label("龋齿数")] Caries = 12,
    [Label("牙数")] Teeth = 13,
    [Label("心肺")] HeartLungs = 14,
    [Label("腹部")] Abdomen = 15,
    [Label("脐部（1未脱 2脱落 3脐部有渗出 4其他）")] UmbilicusNewborn = 16,
    [Label("脐部（1未见异常 2异常）")] Umbilicus = 17,
    [Label("四肢")] Limbs = 18,
    [Label("步态")] Gait = 19,
    [Label("可疑佝偻病症状")] RicketsSymptoms = 20,
    [Label("可疑佝偻病体征（1无 2颅骨软化 3方颅 4枕秃）")] RicketsSignsEarly = 21,
    [Label("可疑佝偻病体征（1肋串珠 2肋外翻 3肋软骨沟 4鸡胸 5手镯征）")] RicketsSignsInfant = 22,
    [Label("可疑佝偻病体征（1“O”型腿 2“X”型腿）")] RicketsSignsToddler = 23,
    [Label("肛门/外生殖器")] AnusGenitalia = 24,
    [Label("血红蛋白值")] Haemoglobin = 25,
    [Label("户外活动")] OutdoorActivity = 26,
    [Label("服用维生素D")] VitaminD = 27,
    [Label("发育评估")] Development = 28,
    [Label("两次随访间患病情况（1未患病 2患病）")] Illness = 29,
    [Label("两次随访间患病情况（1无 2肺炎 3腹泻 4外伤 5其他）")] PreschoolIllness = 30,
    [Label("体格发育评价")] PhysicalDevelopment = 31,
    [Label("视力")] Vision = 32,
    [Label("体格检查其他")] PhysicalOther = 33,
    [Label("其他")] Other = 34,
    [Label("指导（1科学喂养 …）")] InfantGuidance = 35,
    [Label("指导（1合理膳食 …）")] ChildGuidance = 36,
}

/// <summary>
/// The forms' "———" rule as a function: which rows exist at which check-up age (004 儿童 附件2–4, 填表说明 1:
/// “———”表示本次随访时该项目不用检查). A row that does not exist is not shown and cannot be filled
/// (<see cref="ChildCheckupValidator"/> refuses it). Also the check-ups' ages and forms.
/// </summary>
public static class CheckupItems
{
    private static readonly A[] UnderOne = [A.OneMonth, A.Months3, A.Months6, A.Months8];
    private static readonly A[] OneToTwo = [A.Months12, A.Months18, A.Months24, A.Months30];
    private static readonly A[] ThreeToSix = [A.Years3, A.Years4, A.Years5, A.Years6];

    // One line per row of the forms, transcribed column by column; an age missing from a row is a "———" (or the row is
    // not on that age's form).
    private static readonly Dictionary<CheckupItem, A[]> Rows = new()
    {
        [CheckupItem.HeadCircumference] = UnderOne,
        [CheckupItem.ComplexionEarly] = [A.OneMonth, A.Months3],
        [CheckupItem.Complexion] = [A.Months6, A.Months8, .. OneToTwo],
        [CheckupItem.Skin] = [.. UnderOne, .. OneToTwo],
        [CheckupItem.Fontanelle] = [.. UnderOne, A.Months12, A.Months18, A.Months24],
        [CheckupItem.NeckMass] = [A.OneMonth, A.Months3, A.Months6],
        [CheckupItem.Eyes] = [.. UnderOne, .. OneToTwo],
        [CheckupItem.Ears] = [.. UnderOne, .. OneToTwo],
        // 004 儿童 二(三): 在6、12、24、36月龄时使用听性行为观察法分别进行1次听力筛查
        [CheckupItem.Hearing] = [A.Months6, A.Months12, A.Months24, A.Years3],
        [CheckupItem.Mouth] = [A.OneMonth, A.Months3],
        [CheckupItem.TeethErupted] = [A.Months6, A.Months8, .. OneToTwo],
        [CheckupItem.Caries] = [.. OneToTwo, .. ThreeToSix],
        [CheckupItem.Teeth] = ThreeToSix,
        [CheckupItem.HeartLungs] = [.. UnderOne, .. OneToTwo, .. ThreeToSix],
        [CheckupItem.Abdomen] = [.. UnderOne, .. OneToTwo, .. ThreeToSix],
        [CheckupItem.UmbilicusNewborn] = [A.OneMonth],
        [CheckupItem.Umbilicus] = [A.Months3],
        [CheckupItem.Limbs] = [.. UnderOne, .. OneToTwo],
        [CheckupItem.Gait] = [A.Months18, A.Months24, A.Months30],
        [CheckupItem.RicketsSymptoms] = [A.Months3, A.Months6, A.Months8],
        [CheckupItem.RicketsSignsEarly] = [A.OneMonth, A.Months3],
        [CheckupItem.RicketsSignsInfant] = [A.Months6, A.Months8],
        [CheckupItem.RicketsSignsToddler] = [A.Months12, A.Months18, A.Months24],
        [CheckupItem.AnusGenitalia] = UnderOne,
        // 附件2 prints 血红蛋白值 in all four columns; 附件3 only at 18 and 30 months; 附件4 every year
        [CheckupItem.Haemoglobin] = [.. UnderOne, A.Months18, A.Months30, .. ThreeToSix],
        [CheckupItem.OutdoorActivity] = [.. UnderOne, .. OneToTwo],
        [CheckupItem.VitaminD] = [.. UnderOne, A.Months12, A.Months18, A.Months24],
        [CheckupItem.Development] = [.. UnderOne, A.Months12, A.Months18, A.Months24],
        [CheckupItem.Illness] = [.. UnderOne, .. OneToTwo],
        [CheckupItem.PreschoolIllness] = ThreeToSix,
        [CheckupItem.PhysicalDevelopment] = ThreeToSix,
        // 004 儿童 二(四) 视力筛查 for 4–6 years; 附件4 "———" at 3 years
        [CheckupItem.Vision] = [A.Years4, A.Years5, A.Years6],
        [CheckupItem.PhysicalOther] = ThreeToSix,
        [CheckupItem.Other] = [.. UnderOne, .. OneToTwo, .. ThreeToSix],
        [CheckupItem.InfantGuidance] = [.. UnderOne, A.Months12, A.Months18],
        [CheckupItem.ChildGuidance] = [A.Months24, A.Months30, .. ThreeToSix],
    };

    /// <summary>Every check-up in order.</summary>
    public static IReadOnlyList<CheckupAge> Ages { get; } = [.. UnderOne, .. OneToTwo, .. ThreeToSix];

    /// <summary>True when the row exists (is examined) at this check-up: the form's "———" rule.</summary>
    // 004 儿童 附件2–4 填表说明 1: “———”表示本次随访时该项目不用检查
    public static bool Exists(CheckupItem item, CheckupAge age) => Rows.TryGetValue(item, out var ages) && ages.Contains(age);

    /// <summary>The rows shown at a check-up, in the form's order.</summary>
    public static IReadOnlyList<CheckupItem> Shown(CheckupAge age) =>
        Enum.GetValues<CheckupItem>().Where(i => Exists(i, age)).ToArray();

    /// <summary>The paper form a check-up age is written on.</summary>
    public static CheckupForm FormFor(CheckupAge age) => age switch
    {
        A.OneMonth or A.Months3 or A.Months6 or A.Months8 => CheckupForm.UnderOne,
        A.Months12 or A.Months18 or A.Months24 or A.Months30 => CheckupForm.OneToTwo,
        _ => CheckupForm.ThreeToSix,
    };

    /// <summary>
    /// True when the haemoglobin value is expected at this check-up: once at 6–8 months (at 8 months only if not done at
    /// 6), at 18 and 30 months, and every year from 4 to 6 (血常规检测). At other columns the form has the row and a
    /// value may be written, but none is required.
    /// </summary>
    // 004 儿童 二(三): 在婴幼儿6~8、18、30月龄时分别进行1次血常规检测; 二(四): 4~6岁 血常规检测
    public static bool HaemoglobinExpected(CheckupAge age, bool doneAtSixMonths) => age switch
    {
        A.Months6 => true,
        A.Months8 => !doneAtSixMonths,
        A.Months18 or A.Months30 or A.Years4 or A.Years5 or A.Years6 => true,
        _ => false,
    };

    /// <summary>True when hearing screening is part of this check-up (6, 12, 24, 36 months).</summary>
    // 004 儿童 二(三): 在6、12、24、36月龄时使用听性行为观察法分别进行1次听力筛查
    public static bool HearingScreened(CheckupAge age) => Exists(CheckupItem.Hearing, age);

    /// <summary>True when vision screening is part of this check-up (4, 5, 6 years).</summary>
    // 004 儿童 二(四): 4~6岁 视力筛查
    public static bool VisionScreened(CheckupAge age) => Exists(CheckupItem.Vision, age);
}
