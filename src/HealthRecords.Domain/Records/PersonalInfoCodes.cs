namespace HealthRecords.Domain.Records;

// The code tables of 个人基本信息表 (004 附件3). Values are the form's own numbers.

/// <summary>证件类型. Residents without a mainland ID still get a record (001: 新生儿、港澳台及外籍居民).</summary>
public enum IdDocumentType
{
    [Label("居民身份证")] ResidentIdCard = 1,
    [Label("出生医学证明")] BirthCertificate = 2,
    [Label("港澳居民来往内地通行证")] HongKongMacaoPermit = 3,
    [Label("台湾居民来往大陆通行证")] TaiwanPermit = 4,
    [Label("护照")] Passport = 5,
    [Label("外国人永久居留身份证")] ForeignPermanentResidence = 6,
    [Label("港澳台居民居住证")] ResidencePermit = 7,
    [Label("其他证件")] Other = 8,
    [Label("暂无证件")] None = 9,
}

/// <summary>常住类型.</summary>
public enum ResidenceType
{
    [Label("户籍")] Registered = 1,
    [Label("非户籍")] NonRegistered = 2,
}

/// <summary>民族: 1 汉族, 2 少数民族 (name written out, e.g. 彝族).</summary>
public enum Ethnicity
{
    [Label("汉族")] Han = 1,
    [Label("少数民族")] Minority = 2,
}

/// <summary>血型 (ABO).</summary>
public enum BloodType
{
    [Label("A型")] A = 1,
    [Label("B型")] B = 2,
    [Label("O型")] O = 3,
    [Label("AB型")] AB = 4,
    [Label("不详")] Unknown = 5,
}

/// <summary>RH阴性.</summary>
public enum RhNegative
{
    [Label("否")] No = 1,
    [Label("是")] Yes = 2,
    [Label("不详")] Unknown = 3,
}

/// <summary>文化程度.</summary>
public enum Education
{
    [Label("文盲及半文盲")] Illiterate = 1,
    [Label("小学")] Primary = 2,
    [Label("初中")] JuniorSecondary = 3,
    [Label("高中/技校/中专")] SeniorSecondary = 4,
    [Label("大学专科及以上")] College = 5,
    [Label("不详")] Unknown = 6,
}

/// <summary>职业.</summary>
public enum Occupation
{
    [Label("国家机关、党群组织、企业、事业单位负责人")] Leader = 1,
    [Label("专业技术人员")] Professional = 2,
    [Label("办事人员和有关人员")] Clerk = 3,
    [Label("商业、服务业人员")] CommerceAndService = 4,
    [Label("农、林、牧、渔、水利业生产人员")] Agriculture = 5,
    [Label("生产、运输设备操作人员及有关人员")] ProductionAndTransport = 6,
    [Label("军人")] Military = 7,
    [Label("不便分类的其他从业人员")] Other = 8,
}

/// <summary>婚姻状况.</summary>
public enum MaritalStatus
{
    [Label("未婚")] Unmarried = 1,
    [Label("已婚")] Married = 2,
    [Label("丧偶")] Widowed = 3,
    [Label("离婚")] Divorced = 4,
    [Label("未说明的婚姻状况")] Unspecified = 5,
}

/// <summary>医疗费用支付方式 (multi-select). 1–3 as in 2011; 4–8 as the 3rd edition (2017) adds them.</summary>
public enum PaymentMethod
{
    [Label("城镇职工基本医疗保险")] UrbanEmployeeInsurance = 1,
    [Label("城镇居民基本医疗保险")] UrbanResidentInsurance = 2,
    [Label("新型农村合作医疗")] RuralCooperativeMedical = 3,
    [Label("贫困救助")] PovertyAid = 4,
    [Label("商业医疗保险")] CommercialInsurance = 5,
    [Label("全公费")] FullyPublic = 6,
    [Label("全自费")] FullySelfPaid = 7,
    [Label("其他")] Other = 8,
}

/// <summary>药物过敏史 (multi-select; 1 无 excludes the others).</summary>
public enum DrugAllergy
{
    [Label("无")] None = 1,
    [Label("青霉素")] Penicillin = 2,
    [Label("磺胺")] Sulfonamide = 3,
    [Label("链霉素")] Streptomycin = 4,
    [Label("其他")] Other = 5,
}

/// <summary>暴露史 (multi-select; 1 无 excludes the others).</summary>
public enum Exposure
{
    [Label("无")] None = 1,
    [Label("化学品")] Chemicals = 2,
    [Label("毒物")] Poisons = 3,
    [Label("射线")] Radiation = 4,
}

/// <summary>既往史 疾病 (multi-select, each with its 确诊时间).</summary>
public enum PastDiseaseCode
{
    [Label("无")] None = 1,
    [Label("高血压")] Hypertension = 2,
    [Label("糖尿病")] Diabetes = 3,
    [Label("冠心病")] CoronaryHeartDisease = 4,
    [Label("慢性阻塞性肺疾病")] Copd = 5,
    [Label("恶性肿瘤")] MalignantTumor = 6,
    [Label("脑卒中")] Stroke = 7,
    [Label("重性精神疾病")] SevereMentalIllness = 8,
    [Label("结核病")] Tuberculosis = 9,
    [Label("肝炎")] Hepatitis = 10,
    [Label("其他法定传染病")] OtherNotifiableInfectiousDisease = 11,
    [Label("职业病")] OccupationalDisease = 12,
    [Label("其他")] Other = 13,
}

/// <summary>手术、外伤、输血、遗传病史: 1 无 2 有.</summary>
public enum Presence
{
    [Label("无")] None = 1,
    [Label("有")] Yes = 2,
}

/// <summary>家族史 (per relative, multi-select).</summary>
public enum FamilyDisease
{
    [Label("无")] None = 1,
    [Label("高血压")] Hypertension = 2,
    [Label("糖尿病")] Diabetes = 3,
    [Label("冠心病")] CoronaryHeartDisease = 4,
    [Label("慢性阻塞性肺疾病")] Copd = 5,
    [Label("恶性肿瘤")] MalignantTumor = 6,
    [Label("脑卒中")] Stroke = 7,
    [Label("重性精神疾病")] SevereMentalIllness = 8,
    [Label("结核病")] Tuberculosis = 9,
    [Label("肝炎")] Hepatitis = 10,
    [Label("先天畸形")] CongenitalMalformation = 11,
    [Label("其他")] Other = 12,
}

/// <summary>残疾情况 (multi-select; 1 无残疾 excludes the others).</summary>
public enum Disability
{
    [Label("无残疾")] None = 1,
    [Label("视力残疾")] Visual = 2,
    [Label("听力残疾")] Hearing = 3,
    [Label("言语残疾")] Speech = 4,
    [Label("肢体残疾")] Physical = 5,
    [Label("智力残疾")] Intellectual = 6,
    [Label("精神残疾")] Mental = 7,
    [Label("其他残疾")] Other = 8,
}
