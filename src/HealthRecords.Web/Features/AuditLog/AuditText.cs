using System.Text.RegularExpressions;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Measures;

namespace HealthRecords.Web.Features.AuditLog;

/// <summary>
/// An audit entry's 说明 in Chinese. The log stores short English keys ("overview", "examination 12", "Death",
/// "Pinyin p1 n3"), which stay as they are for the record; every page that shows them passes them through here.
/// </summary>
public static partial class AuditText
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["overview"] = "档案总览", ["changes"] = "修改记录", ["detail"] = "档案", ["lent"] = "借阅",
        ["examination-history"] = "体检记录", ["examination"] = "健康体检表", ["examination-draft"] = "新建体检表",
        ["chronic"] = "慢病管理", ["follow-up"] = "随访记录", ["follow-up-draft"] = "新建随访", ["screening"] = "高血压筛查",
        ["encounters"] = "接诊记录", ["encounter"] = "接诊记录表", ["Encounter"] = "接诊记录表",
        ["consultations"] = "会诊记录", ["consultation"] = "会诊记录表", ["Consultation"] = "会诊记录表",
        ["referrals"] = "转诊记录", ["referral"] = "转诊单", ["Referral"] = "转诊单", ["referral-draft"] = "新建转诊单",
        ["other-services"] = "接诊、会诊与转诊记录", ["open-referrals"] = "待随访转诊",
        ["household"] = "家庭", ["to"] = "迁入家庭", ["merged"] = "并入档案", ["fields"] = "项",
        ["hypertension"] = "高血压", ["diabetes"] = "2型糖尿病", ["elderly"] = "老年人名单", ["newcomers"] = "新增65岁",
        ["worklist"] = "工作清单", ["duplicates"] = "疑似重复档案", ["due-items"] = "应做的服务", ["measure"] = "考核指标", ["measures"] = "考核指标表", ["residents"] = "居民名单",
        ["numerator"] = "分子", ["denominator"] = "分母", ["township"] = "按乡镇", ["village"] = "按村", ["institution"] = "按机构",
        ["doctor"] = "按责任医生", ["filter"] = "按条件", ["record-number"] = "档案编号", ["id-number"] = "身份证号",
        ["idNumber"] = "身份证号", ["phone"] = "电话", ["contactPhone"] = "联系人电话", ["Phone"] = "电话", ["Address"] = "现住址",
        ["RecordNumber"] = "按档案编号", ["RecordNumberLast8"] = "按档案编号后8位", ["IdNumber"] = "按身份证号",
        ["Pinyin"] = "按拼音", ["Name"] = "按姓名",
        ["referral-follow-up"] = "转诊随访", ["annual-examination"] = "年度体检",
        ["never-followed-up"] = "纳入后首次随访", ["screening-recheck"] = "血压复查", ["reminder"] = "提醒",
    };

    static AuditText()
    {
        foreach (var d in RecordMeasures.All.Concat(ChronicMeasures.All).Append(ElderlyRules.ManagementRate).Append(ElderlyRules.ExaminationCompletenessRate))
        {
            Words[d.Code] = d.Name;
        }
        foreach (var reason in Enum.GetValues<ClosureReason>())
        {
            Words[reason.ToString()] = reason.Label();
        }
        foreach (var disease in Enum.GetValues<ChronicDisease>())
        {
            Words[disease.ToString()] = disease.Label();
        }
    }

    /// <summary>The Chinese 说明 of an entry's detail: known keys in words, page and count marks spelled out; null stays null.</summary>
    public static string? Describe(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return detail;
        }
        var text = detail.Replace("(lent)", "（借阅）", StringComparison.Ordinal).Replace('+', '、');
        text = Pages().Replace(text, m => $"第{m.Groups[1].Value}页");
        text = Counts().Replace(text, m => $"{m.Groups[1].Value}条");
        text = Keys().Replace(text, m => Words.TryGetValue(m.Value, out var word) ? word : m.Value);
        return text.Replace(':', ' ').Replace('/', ' ');
    }

    [GeneratedRegex(@"\bp(\d+)\b")]
    private static partial Regex Pages();

    [GeneratedRegex(@"\bn(\d+)\b")]
    private static partial Regex Counts();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")]
    private static partial Regex Keys();
}
