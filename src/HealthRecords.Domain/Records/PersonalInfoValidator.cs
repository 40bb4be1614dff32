namespace HealthRecords.Domain.Records;

/// <summary>
/// Checks a 个人基本信息表 (004 附件3 and its 填表说明). Errors are keyed by the camelCase JSON path of the field
/// ("idNumber", "pastDiseases[1].diagnosedOn") with messages in Chinese; an empty result means valid.
/// </summary>
public static class PersonalInfoValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(PersonalInfo info, DateOnly today)
    {
        var e = new FieldErrors();
        var name = info.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            e.Add("name", "请填写姓名");
        }
        else if (name.Length > 50)
        {
            e.Add("name", "姓名不能超过50个字");
        }
        else if (TextSafety.NameError(name) is { } unsafeName)
        {
            e.Add("name", "姓名" + unsafeName); // a name made to look like another (issue #14 item 7)
        }
        if (TextSafety.NameError(info.ContactName) is { } unsafeContact)
        {
            e.Add("contactName", "联系人姓名" + unsafeContact);
        }
        if (info.Sex is null)
        {
            e.Add("sex", "请填写性别");
        }
        e.Coded("sex", info.Sex, "性别");
        if (info.BirthDate == default)
        {
            e.Add("birthDate", "请填写出生日期");
        }
        else if (info.BirthDate > today)
        {
            e.Add("birthDate", "出生日期不能晚于今天");
        }
        else if (info.BirthDate < new DateOnly(1890, 1, 1))
        {
            e.Add("birthDate", "出生日期过早，请核对");
        }
        CheckDocument(info, today, e);
        e.Phone("phone", info.Phone, "本人电话");
        e.Phone("contactPhone", info.ContactPhone, "联系人电话");
        e.Coded("residenceType", info.ResidenceType, "常住类型");
        e.Coded("ethnicity", info.Ethnicity, "民族");
        if (info.Ethnicity == Ethnicity.Minority && string.IsNullOrWhiteSpace(info.EthnicityName))
        {
            e.Add("ethnicityName", "少数民族请填写民族全称，如土家族");
        }
        e.Coded("bloodType", info.BloodType, "血型");
        e.Coded("rhNegative", info.RhNegative, "RH阴性");
        e.Coded("education", info.Education, "文化程度");
        e.Coded("occupation", info.Occupation, "职业");
        e.Coded("maritalStatus", info.MaritalStatus, "婚姻状况");
        e.Multi("paymentMethods", info.PaymentMethods, "医疗费用支付方式", none: null, other: PaymentMethod.Other, info.PaymentOther, "paymentOther");
        e.Multi("drugAllergies", info.DrugAllergies, "药物过敏史", DrugAllergy.None, DrugAllergy.Other, info.DrugAllergyOther, "drugAllergyOther");
        if (info.OtherAllergies?.Trim().Length > 100)
        {
            e.Add("otherAllergies", "其他过敏物质不能超过100个字");
        }
        e.Multi("exposures", info.Exposures, "暴露史", Exposure.None, other: null, null, "");
        CheckPastDiseases(info, today, e);
        e.Events("surgeries", "surgery", info.Surgery, info.Surgeries, "手术", "名称", info.BirthDate, today);
        e.Events("traumas", "trauma", info.Trauma, info.Traumas, "外伤", "名称", info.BirthDate, today);
        e.Events("transfusions", "transfusion", info.Transfusion, info.Transfusions, "输血", "原因", info.BirthDate, today);
        var family = info.FamilyHistory ?? new FamilyHistory();
        e.Relative("familyHistory.father", family.Father, "父亲");
        e.Relative("familyHistory.mother", family.Mother, "母亲");
        e.Relative("familyHistory.siblings", family.Siblings, "兄弟姐妹");
        e.Relative("familyHistory.children", family.Children, "子女");
        e.Coded("hereditaryDisease", info.HereditaryDisease, "遗传病史");
        if (info.HereditaryDisease == Presence.Yes && string.IsNullOrWhiteSpace(info.HereditaryDiseaseName))
        {
            e.Add("hereditaryDiseaseName", "有遗传病史时请填写疾病名称");
        }
        e.Multi("disabilities", info.Disabilities, "残疾情况", Disability.None, Disability.Other, info.DisabilityOther, "disabilityOther");
        return e;
    }

    private static void CheckDocument(PersonalInfo info, DateOnly today, FieldErrors e)
    {
        if (!Enum.IsDefined(info.IdDocumentType))
        {
            e.Add("idDocumentType", "证件类型无效");
            return;
        }
        var number = info.IdNumber?.Trim();
        if (info.IdDocumentType == IdDocumentType.None)
        {
            if (!string.IsNullOrEmpty(number))
            {
                e.Add("idNumber", "证件类型为“暂无证件”时不填证件号码");
            }
            return;
        }
        if (info.IdDocumentType != IdDocumentType.ResidentIdCard)
        {
            if (string.IsNullOrEmpty(number))
            {
                e.Add("idNumber", "请填写证件号码");
            }
            else if (number.Length > 40 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '(' or ')'))
            {
                e.Add("idNumber", "证件号码只能包含字母、数字、括号和短横线，最长40位");
            }
            return;
        }
        var check = IdCardNumber.Check(number, today);
        if (!check.IsValid)
        {
            e.Add("idNumber", check.Error!);
            return;
        }
        if (PersonalInfoIdCard.BirthDateConflict(info, check) is { } birth)
        {
            e.Add("birthDate", birth);
        }
        if (PersonalInfoIdCard.SexConflict(info, check) is { } sex)
        {
            e.Add("sex", sex);
        }
    }

    private static void CheckPastDiseases(PersonalInfo info, DateOnly today, FieldErrors e)
    {
        var list = info.PastDiseases ?? [];
        if (list.Any(d => d.Code == PastDiseaseCode.None) && list.Count > 1)
        {
            e.Add("pastDiseases", "既往疾病选择“无”时不能再选其他疾病");
        }
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"pastDiseases[{i}]");
            if (!Enum.IsDefined(d.Code))
            {
                e.Add($"{key}.code", "既往疾病的编号无效，请按表中选项填写");
                continue;
            }
            if (d.Code == PastDiseaseCode.None)
            {
                continue;
            }
            if (list.Take(i).Any(x => x.Code == d.Code && d.Code is not (PastDiseaseCode.Other or PastDiseaseCode.MalignantTumor or PastDiseaseCode.OccupationalDisease)))
            {
                e.Add($"{key}.code", $"“{d.Code.Label()}”重复填写");
            }
            // 004 附件3 填表说明 10(1): 写明确诊时间；恶性肿瘤写明部位或名称；职业病写明名称
            if (d.DiagnosedOn is not YearMonth on)
            {
                e.Add($"{key}.diagnosedOn", $"请填写“{d.Code.Label()}”的确诊时间（年月）");
            }
            else if (on.FirstDay > today)
            {
                e.Add($"{key}.diagnosedOn", "确诊时间不能晚于本月");
            }
            else if (info.BirthDate != default && on.FirstDay < YearMonth.Of(info.BirthDate).FirstDay)
            {
                e.Add($"{key}.diagnosedOn", "确诊时间不能早于出生日期");
            }
            if (d.Code is PastDiseaseCode.MalignantTumor or PastDiseaseCode.OccupationalDisease or PastDiseaseCode.Other
                && string.IsNullOrWhiteSpace(d.Detail))
            {
                e.Add($"{key}.detail", d.Code switch
                {
                    PastDiseaseCode.MalignantTumor => "请写明恶性肿瘤的部位或疾病名称",
                    PastDiseaseCode.OccupationalDisease => "请写明职业病名称",
                    _ => "选择“其他”时请写明疾病名称",
                });
            }
        }
    }
}

/// <summary>The 个人基本信息表's own checks (phone numbers, dated history entries, family history) on the shared collector.</summary>
file static class PersonalInfoChecks
{
    public static void Phone(this FieldErrors e, string key, string? phone, string label)
    {
        var p = phone?.Trim();
        if (string.IsNullOrEmpty(p))
        {
            return;
        }
        var parts = p.Split('-');
        var digits = string.Concat(parts);
        var mobile = parts.Length == 1 && digits.Length == 11 && digits[0] == '1';
        var landline = parts.Length switch
        {
            // local number, or area code + number written together (02368123456)
            1 => (digits.Length is 7 or 8 && digits[0] is not ('0' or '1')) || (digits.Length is >= 10 and <= 12 && digits[0] == '0'),
            // area code - number (023-68123456)
            2 => parts[0].Length is 3 or 4 && parts[0][0] == '0' && parts[1].Length is 7 or 8,
            _ => false,
        };
        if (!digits.All(char.IsAsciiDigit) || !(mobile || landline))
        {
            e.Add(key, $"{label}格式不正确：手机号为11位数字，固定电话如 023-68123456");
        }
    }

    public static void Events(this FieldErrors e, string key, string presenceKey, Presence? presence, IReadOnlyList<HistoryEvent>? events, string label, string what, DateOnly birth, DateOnly today)
    {
        var list = events ?? [];
        e.Coded(presenceKey, presence, label);
        if (presence == Presence.None && list.Count > 0)
        {
            e.Add(presenceKey, $"{label}选择“无”时不能填写{label}记录");
        }
        if (presence == Presence.Yes && list.Count == 0)
        {
            e.Add(key, $"{label}选择“有”时请填写{what}和时间");
        }
        for (var i = 0; i < list.Count; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]");
            if (string.IsNullOrWhiteSpace(list[i].Name))
            {
                e.Add($"{item}.name", $"请填写{label}{what}");
            }
            if (list[i].On is not YearMonth on)
            {
                e.Add($"{item}.on", $"请填写{label}时间（年月）");
            }
            else if (on.FirstDay > today)
            {
                e.Add($"{item}.on", $"{label}时间不能晚于本月");
            }
            else if (birth != default && on.FirstDay < YearMonth.Of(birth).FirstDay)
            {
                e.Add($"{item}.on", $"{label}时间不能早于出生日期");
            }
        }
    }

    public static void Relative(this FieldErrors e, string key, RelativeHistory? history, string relative)
    {
        var h = history ?? new RelativeHistory();
        e.Multi(key, h.Diseases, $"家族史（{relative}）", FamilyDisease.None, FamilyDisease.Other, h.Other, key + "Other");
    }
}
