using System.Text.Json;

namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// The Chinese names of a record's fields (by the JSON path the API's field errors and the change log use) and the
/// change log's values as a user reads them: codes as their labels, lists as the labels joined, statuses in words.
/// The form's error summary, the change log and the timeline all use these; nothing shows a raw key.
/// </summary>
public static class ChangeLabels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["info.name"] = "姓名", ["info.sex"] = "性别", ["info.birthDate"] = "出生日期", ["info.idNumber"] = "证件号码",
        ["info.idDocumentType"] = "证件类型", ["info.workUnit"] = "工作单位", ["info.phone"] = "本人电话",
        ["info.contactName"] = "联系人姓名", ["info.contactPhone"] = "联系人电话", ["info.residenceType"] = "常住类型",
        ["info.ethnicity"] = "民族", ["info.ethnicityName"] = "少数民族名称", ["info.bloodType"] = "血型", ["info.rhNegative"] = "RH阴性",
        ["info.education"] = "文化程度", ["info.occupation"] = "职业", ["info.maritalStatus"] = "婚姻状况",
        ["info.paymentMethods"] = "医疗费用支付方式", ["info.paymentOther"] = "其他支付方式", ["info.drugAllergies"] = "药物过敏史",
        ["info.drugAllergyOther"] = "其他过敏药物", ["info.otherAllergies"] = "其他过敏物质", ["info.exposures"] = "暴露史",
        ["info.pastDiseases"] = "既往疾病", ["info.surgery"] = "手术", ["info.surgeries"] = "手术", ["info.trauma"] = "外伤",
        ["info.traumas"] = "外伤", ["info.transfusion"] = "输血", ["info.transfusions"] = "输血", ["info.hereditaryDisease"] = "遗传病史",
        ["info.hereditaryDiseaseName"] = "遗传病名称", ["info.disabilities"] = "残疾情况", ["info.disabilityOther"] = "其他残疾",
        ["info.familyHistory.father.diseases"] = "家族史（父亲）", ["info.familyHistory.father.other"] = "家族史（父亲，其他）",
        ["info.familyHistory.mother.diseases"] = "家族史（母亲）", ["info.familyHistory.mother.other"] = "家族史（母亲，其他）",
        ["info.familyHistory.siblings.diseases"] = "家族史（兄弟姐妹）", ["info.familyHistory.siblings.other"] = "家族史（兄弟姐妹，其他）",
        ["info.familyHistory.children.diseases"] = "家族史（子女）", ["info.familyHistory.children.other"] = "家族史（子女，其他）",
        ["cover.currentAddress"] = "现住址", ["cover.registeredAddress"] = "户籍地址",
        ["villageCode"] = "所属村(居)委会", ["householdId"] = "家庭", ["relationToHead"] = "与户主关系", ["pregnant"] = "孕产妇",
        ["responsibleDoctorId"] = "责任医生", ["status"] = "档案状态", ["merge"] = "合并档案", ["version"] = "版本",
    };

    /// <summary>Coded fields: the enum whose labels their numbers stand for.</summary>
    private static readonly Dictionary<string, Type> Codes = new(StringComparer.Ordinal)
    {
        ["info.sex"] = typeof(Sex), ["info.idDocumentType"] = typeof(IdDocumentType), ["info.residenceType"] = typeof(ResidenceType),
        ["info.ethnicity"] = typeof(Ethnicity), ["info.bloodType"] = typeof(BloodType), ["info.rhNegative"] = typeof(RhNegative),
        ["info.education"] = typeof(Education), ["info.occupation"] = typeof(Occupation), ["info.maritalStatus"] = typeof(MaritalStatus),
        ["info.paymentMethods"] = typeof(PaymentMethod), ["info.drugAllergies"] = typeof(DrugAllergy), ["info.exposures"] = typeof(Exposure),
        ["info.surgery"] = typeof(Presence), ["info.trauma"] = typeof(Presence), ["info.transfusion"] = typeof(Presence),
        ["info.hereditaryDisease"] = typeof(Presence), ["info.disabilities"] = typeof(Disability),
        ["info.familyHistory.father.diseases"] = typeof(FamilyDisease), ["info.familyHistory.mother.diseases"] = typeof(FamilyDisease),
        ["info.familyHistory.siblings.diseases"] = typeof(FamilyDisease), ["info.familyHistory.children.diseases"] = typeof(FamilyDisease),
    };

    /// <summary>The field's Chinese name; a path inside a list or group falls back to the list's or group's name.</summary>
    public static string Field(string key)
    {
        if (Names.TryGetValue(key, out var name))
        {
            return name;
        }
        foreach (var (prefix, label) in new[] { ("info.pastDiseases", "既往疾病"), ("info.familyHistory", "家族史"), ("info.surgeries", "手术"), ("info.traumas", "外伤"), ("info.transfusions", "输血") })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return label;
            }
        }
        return key.StartsWith("info.", StringComparison.Ordinal) || key.StartsWith("cover.", StringComparison.Ordinal) ? "其他项目" : key;
    }

    /// <summary>A change-log value as a user reads it (before masking): labels for codes, words for statuses and yes/no.</summary>
    public static string? Value(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (field == "status" && Enum.TryParse<RecordStatus>(value, out var status) && !int.TryParse(value, out _))
        {
            return status.Label(); // entries written before statuses were logged in words
        }
        if (value is "true" or "false")
        {
            return value == "true" ? "是" : "否";
        }
        if (Codes.TryGetValue(field, out var type))
        {
            return value.StartsWith('[') ? string.Join("、", Numbers(value).Select(n => Label(type, n))) : int.TryParse(value, out var code) ? Label(type, code) : value;
        }
        return field switch
        {
            "info.pastDiseases" => Describe<PastDisease>(value, d => $"{d.Code.Label()}{(d.Detail is null ? "" : $"（{d.Detail}）")}{(d.DiagnosedOn is { } on ? $" {on}" : "")}"),
            "info.surgeries" or "info.traumas" or "info.transfusions" => Describe<HistoryEvent>(value, e => $"{e.Name}{(e.On is { } on ? $" {on}" : "")}"),
            _ => value,
        };
    }

    private static IEnumerable<int> Numbers(string json) =>
        JsonSerializer.Deserialize<int[]>(json) ?? [];

    private static string Label(Type type, int code) =>
        CodeLabels.Options(type).FirstOrDefault(o => o.Code == code)?.Label ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe<T>(string json, Func<T, string> show)
    {
        try
        {
            return string.Join("；", (JsonSerializer.Deserialize<T[]>(json, Kernel.JsonDocuments.Options) ?? []).Select(show));
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
