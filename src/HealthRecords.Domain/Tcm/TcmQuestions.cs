namespace HealthRecords.Domain.Tcm;

/// <summary>One question of the questionnaire: its number, text, bracketed explanation and, where printed, its own anchors for 1–5.</summary>
public sealed record TcmQuestion(int Number, string Text, string? Help = null, IReadOnlyList<string>? Anchors = null);

/// <summary>
/// The 33 questions of 老年人中医药健康管理服务记录表, in order (third-edition.md §1). The explanations in brackets are the
/// printed form's as this system records them (third-edition.md does not list them; check against the printed form).
/// </summary>
public static class TcmQuestions
{
    public const int Count = 33;

    public static readonly IReadOnlyList<TcmQuestion> All =
    [
        new(1, "您精力充沛吗？", "指精神头足，乐于做事"),
        new(2, "您容易疲乏吗？", "指体力如何，是否稍微活动一下或做一点家务劳动就感到累"),
        new(3, "您容易气短，呼吸短促，接不上气吗？"),
        new(4, "您说话声音低弱无力吗？", "指说话没有力气"),
        new(5, "您感到闷闷不乐、情绪低沉吗？", "指心情不愉快，情绪低落"),
        new(6, "您容易精神紧张、焦虑不安吗？", "指遇事是否心情紧张"),
        new(7, "您因为生活状态改变而感到孤独、失落吗？"),
        new(8, "您容易感到害怕或受到惊吓吗？"),
        new(9, "您感到身体超重不轻松吗？", "感觉身体沉重；BMI=体重(kg)/身高²(m²)",
            ["BMI<24", "24≤BMI<25", "25≤BMI<26", "26≤BMI<28", "BMI≥28"]),
        new(10, "您眼睛干涩吗？"),
        new(11, "您手脚发凉吗？", "不包含因周围温度低或穿的少导致的手脚发冷"),
        new(12, "您胃脘部、背部或腰膝部怕冷吗？", "指上腹部、背部、腰部或膝关节等，有一处或多处怕冷"),
        new(13, "您比一般人耐受不了寒冷吗？", "指比别人容易害怕冬天或是夏天的冷空调、电扇等"),
        new(14, "您容易患感冒吗？", "指每年感冒的次数",
            ["一年<2次", "一年感冒2~4次", "一年感冒5~6次", "一年8次以上", "几乎每月都感冒"]),
        new(15, "您没有感冒时也会鼻塞、流鼻涕吗？"),
        new(16, "您有口粘口腻，或睡眠打鼾吗？"),
        new(17, "您容易过敏（对药物、食物、气味、花粉或在季节交替、气候变化时）吗？", null,
            ["从来没有", "一年1、2次", "一年3、4次", "一年5、6次", "每次遇到上述原因都过敏"]),
        new(18, "您的皮肤容易起荨麻疹吗？", "包括风团、风疹块、风疙瘩"),
        new(19, "您的皮肤在不知不觉中会出现青紫瘀斑、皮下出血吗？", "指皮肤在没有外伤的情况下出现青一块紫一块的情况"),
        new(20, "您的皮肤一抓就红，并出现抓痕吗？", "指被指甲或钝物划过后皮肤的反应"),
        new(21, "您皮肤或口唇干吗？"),
        new(22, "您有肢体麻木或固定部位疼痛的感觉吗？"),
        new(23, "您面部或鼻部有油腻感或者油亮发光吗？", "指脸上或鼻子"),
        new(24, "您面色或目眶晦黯，或出现褐色斑块/斑点吗？"),
        new(25, "您有皮肤湿疹、疮疖吗？"),
        new(26, "您感到口干咽燥、总想喝水吗？"),
        new(27, "您感到口苦或嘴里有异味吗？", "指口苦或口臭"),
        new(28, "您腹部肥大吗？", "指腹部脂肪肥厚",
            ["腹围<80cm", "腹围80~85cm", "腹围86~90cm", "腹围91~105cm", "腹围>105cm"]),
        new(29, "您吃（喝）凉的东西会感到不舒服或者怕吃（喝）凉的东西吗？", "指不喜欢吃凉的食物，或吃了凉的食物后会不舒服"),
        new(30, "您有大便黏滞不爽、解不尽的感觉吗？", "大便容易粘在马桶或便坑壁上"),
        new(31, "您容易大便干燥吗？"),
        new(32, "您舌苔厚腻或有舌苔厚厚的感觉吗？", "如果自我感觉不清楚可由调查员观察后填写"),
        new(33, "您舌下静脉瘀紫或增粗吗？", "可由调查员辅助观察后填写"),
    ];

    /// <summary>The label of an answer to a question: its own anchor where the form prints one, else the general scale.</summary>
    public static string AnswerLabel(int question, int answer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(question, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(question, Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(answer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, 5);
        return All[question - 1].Anchors is { } anchors ? anchors[answer - 1] : Codes.CodeLabels.Label((TcmFrequency)answer);
    }

    /// <summary>
    /// The answers as typed on the keyboard, one digit a question in order ("33 keystrokes"): spaces are ignored; any other
    /// character is an unanswered question (null); a digit outside 1–5 is kept for the validator to refuse.
    /// </summary>
    public static IReadOnlyList<int?> ParseKeys(string keys) =>
        [.. keys.Where(c => !char.IsWhiteSpace(c)).Select(c => char.IsAsciiDigit(c) ? c - '0' : (int?)null)];
}
