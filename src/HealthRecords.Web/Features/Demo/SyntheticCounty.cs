using VillageKind = HealthRecords.Domain.Regions.VillageKind;

namespace HealthRecords.Web.Features.Demo;

/// <summary>
/// Makes a synthetic county's residents, repeatably (one seeded <see cref="Random"/>): households of one to six
/// (head, spouse, children, the head's parents) spread over the villages by weight, common Chinese names, a Chinese
/// district's age pyramid, valid ID numbers, phones, the key-population mix (hypertension, diabetes, pregnancy) and
/// a filled personal information form. Record numbers run on from each village's last sequence in creation order;
/// creation dates spread over the last ten years in that order. Streams batches, so a million residents are never
/// in memory at once; only the issued ID numbers are remembered, to keep them unique.
/// </summary>
public sealed class SyntheticCounty
{
    private readonly string _county;
    private readonly Village[] _villages;
    private readonly double[] _cumulativeWeights;
    private readonly Dictionary<string, Township> _townships;
    private readonly IReadOnlyDictionary<string, int> _lastSequences;
    private readonly string _createdById;
    private readonly DateOnly _today;
    private readonly int _seed;

    /// <param name="county">The county code that starts every record number, e.g. 500104.</param>
    /// <param name="villages">The villages to spread residents over (each with its township and managing institution).</param>
    /// <param name="townships">The townships of those villages.</param>
    /// <param name="lastSequences">Each village's last issued record sequence (RecordNumberSequences); numbering continues after it.</param>
    /// <param name="createdById">The user recorded as 建档人.</param>
    /// <param name="today">Today: ages, creation dates and key populations are as of this day.</param>
    /// <param name="seed">The same seed gives the same county.</param>
    /// <param name="weight">A village's relative share (default 1), times a random 0.6–1.4 so villages differ.</param>
    public SyntheticCounty(
        string county,
        IReadOnlyList<Village> villages,
        IEnumerable<Township> townships,
        IReadOnlyDictionary<string, int> lastSequences,
        string createdById,
        DateOnly today,
        int seed = 2026,
        Func<Village, double>? weight = null)
    {
        if (villages.Count == 0)
        {
            throw new ArgumentException("No villages to put residents in: load the reference data first.", nameof(villages));
        }
        _county = county;
        _villages = villages.OrderBy(v => v.Code, StringComparer.Ordinal).ToArray();
        _townships = townships.ToDictionary(t => t.Code);
        _lastSequences = lastSequences;
        _createdById = createdById;
        _today = today;
        _seed = seed;
        var spread = new Random(seed);
        _cumulativeWeights = new double[_villages.Length];
        var total = 0.0;
        for (var i = 0; i < _villages.Length; i++)
        {
            total += (0.6 + spread.NextDouble() * 0.8) * (weight?.Invoke(_villages[i]) ?? 1.0);
            _cumulativeWeights[i] = total;
        }
    }

    /// <summary>Exactly <paramref name="residents"/> residents, in batches of whole households of about <paramref name="batchSize"/> residents.</summary>
    public IEnumerable<IReadOnlyList<HouseholdRows>> Generate(int residents, int batchSize = 5000)
    {
        var run = new Run(this, residents);
        var batch = new List<HouseholdRows>();
        var inBatch = 0;
        while (run.Made < residents)
        {
            var household = run.NextHousehold();
            batch.Add(household);
            inBatch += household.Members.Count;
            if (inBatch >= batchSize)
            {
                yield return batch;
                batch = [];
                inBatch = 0;
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>One generation: the random stream, the sequences issued and the ID numbers used so far.</summary>
    private sealed class Run(SyntheticCounty county, int residents)
    {
        private readonly Random _rng = new(county._seed);
        private readonly Dictionary<string, int> _sequences = new(county._lastSequences, StringComparer.Ordinal);
        private readonly HashSet<long> _idNumbers = [];
        private int _certificates;
        private readonly DateOnly _firstDay = county._today.AddYears(-10);
        private readonly int _days = county._today.DayNumber - county._today.AddYears(-10).DayNumber;

        public int Made { get; private set; }

        public HouseholdRows NextHousehold()
        {
            var village = PickVillage();
            var township = county._townships[village.TownshipCode];
            // Creation dates follow creation order, so record numbers and dates agree.
            var createdOn = _firstDay.AddDays((int)((long)_days * Made / residents));
            var people = Compose();
            if (people.Count > residents - Made)
            {
                people.RemoveRange(residents - Made, people.Count - (residents - Made));
            }
            var rural = village.Kind == VillageKind.VillageCommittee;
            var address = Address(village, township, rural);
            var household = new Household
            {
                TownshipCode = village.TownshipCode,
                VillageCode = village.Code,
                Address = address,
                CreatedAtUtc = ToUtc(createdOn),
                LivingEnvironment = rural ? Forms.LivingEnvironment(_rng) : null,
            };
            var members = new List<HealthRecord>(people.Count);
            for (var i = 0; i < people.Count; i++)
            {
                // 联系人: the head; for the head, the next member with a phone.
                var contact = i == 0
                    ? people.Skip(1).FirstOrDefault(p => p.Phone is not null)
                    : people[0].Phone is not null ? people[0] : null;
                members.Add(Record(people[i], contact, village, township, address, rural, createdOn));
            }
            Made += members.Count;
            return new HouseholdRows(household, members);
        }

        private Village PickVillage()
        {
            var weights = county._cumulativeWeights;
            var x = _rng.NextDouble() * weights[^1];
            var i = Array.BinarySearch(weights, x);
            return county._villages[Math.Min(i < 0 ? ~i : i, weights.Length - 1)];
        }

        private HealthRecord Record(Person person, Person? contact, Village village, Township township, string address, bool rural, DateOnly householdCreatedOn)
        {
            var birth = person.BirthDate;
            var createdOn = birth >= householdCreatedOn
                ? Min(birth.AddDays(_rng.Next(3, 60)), county._today)
                : householdCreatedOn;
            var age = Age.AgeOn(birth, county._today);
            var (documentType, idNumber) = HasIdNumber(age)
                ? (IdDocumentType.ResidentIdCard, IdNumber(birth, person.Sex))
                : age < 7 ? (IdDocumentType.BirthCertificate, BirthCertificateNumber()) : (IdDocumentType.None, null);
            var sequence = _sequences[village.Code] = _sequences.GetValueOrDefault(village.Code) + 1;
            var number = RecordNumber.Compose(county._county, township.SpecCode, village.SpecCode, sequence);
            var pregnant = person.Pregnant;
            var info = Forms.PersonalInfo(_rng, person, age, documentType, idNumber, contact, rural, county._today);
            var cover = new RecordCover
            {
                CurrentAddress = address,
                RegisteredAddress = info.ResidenceType == ResidenceType.Registered ? address : Names.ElsewhereAddress(idNumber),
            };
            var record = new HealthRecord
            {
                RecordNumber = number.Value,
                RecordNumberLast8 = number.Last8,
                TownshipCode = village.TownshipCode,
                VillageCode = village.Code,
                ManagingInstitutionId = village.InstitutionId,
                RelationToHead = person.Relation,
                CreatedOn = createdOn,
                CreatedById = county._createdById,
                CreatedAtInstitutionId = village.InstitutionId,
                UpdatedAtUtc = ToUtc(createdOn).AddMinutes(_rng.Next(0, 600)),
                Version = 1,
            };
            record.ApplyForms(info, cover, pregnant, county._today);
            return record;
        }

        /// <summary>
        /// About 3% have no resident ID number: most babies and a fifth of small children (who are recorded by
        /// their birth certificate, 出生医学证明), and a few adults (暂无证件).
        /// </summary>
        private bool HasIdNumber(int age) => age switch
        {
            < 1 => _rng.NextDouble() > 0.8,
            < 7 => _rng.NextDouble() > 0.2,
            _ => _rng.NextDouble() > 0.018,
        };

        /// <summary>出生医学证明编号: a letter and nine digits, unique within the run.</summary>
        private string BirthCertificateNumber() =>
            string.Create(CultureInfo.InvariantCulture, $"{(char)('M' + _rng.Next(0, 14))}{500_000_000 + ++_certificates:000000000}");

        /// <summary>A valid, unused 18-digit number: region, birth date, order (odd for men), MOD 11-2 check digit.</summary>
        private string IdNumber(DateOnly birth, Sex sex)
        {
            var region = Names.IdRegion(_rng);
            var date = birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            while (true)
            {
                var order = _rng.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
                var first17 = string.Concat(region, date, order.ToString("000", CultureInfo.InvariantCulture));
                if (_idNumbers.Add(long.Parse(first17, CultureInfo.InvariantCulture)))
                {
                    return first17 + IdCardNumber.CheckDigit(first17);
                }
                region = Names.IdRegion(_rng);
            }
        }

        private string Address(Village village, Township township, bool rural) =>
            rural
                ? $"{township.Name}{village.Name}{_rng.Next(1, 13)}组{_rng.Next(1, 120)}号"
                : $"{township.Name}{village.Name}{Names.Street(_rng)}{_rng.Next(1, 300)}号{_rng.Next(1, 30)}栋{_rng.Next(1, 5)}单元{_rng.Next(1, 33)}-{_rng.Next(1, 9)}";

        /// <summary>The members, head first. Shares tuned so ages 0–6 are ≈5.5% and 65+ ≈14% of residents.</summary>
        private List<Person> Compose()
        {
            var people = new List<Person>(6);
            var kind = _rng.NextDouble();
            if (kind < 0.075)
            {
                // An old person living alone, more often a widow.
                var sex = _rng.NextDouble() < 0.62 ? Sex.Female : Sex.Male;
                people.Add(Adult(HouseholdRelation.Head, sex, ElderlyAge(), Names.Surname(_rng)));
            }
            else if (kind < 0.164)
            {
                // An old couple.
                var age = ElderlyAge();
                var head = Adult(HouseholdRelation.Head, Sex.Male, age, Names.Surname(_rng));
                people.Add(head with { Partnered = true });
                people.Add(Adult(HouseholdRelation.Spouse, Sex.Female, Math.Max(60, age - _rng.Next(-2, 6)), Names.Surname(_rng)) with { Partnered = true });
            }
            else if (kind < 0.28)
            {
                // A single adult.
                people.Add(Adult(HouseholdRelation.Head, _rng.NextDouble() < 0.55 ? Sex.Male : Sex.Female, _rng.Next(18, 65), Names.Surname(_rng)));
            }
            else if (kind < 0.46)
            {
                // A couple whose children have left, or have none yet.
                var age = _rng.NextDouble() < 0.35 ? _rng.Next(22, 35) : _rng.Next(45, 65);
                AddCouple(people, age);
            }
            else if (kind < 0.80)
            {
                // Parents and children.
                var age = _rng.Next(29, 58);
                AddCouple(people, age);
                AddChildren(people, _rng.NextDouble() < 0.55 ? 1 : _rng.NextDouble() < 0.85 ? 2 : 3);
            }
            else
            {
                // Three generations: the head's family and one or both of the head's parents.
                var age = _rng.Next(30, 54);
                AddCouple(people, age);
                AddChildren(people, _rng.NextDouble() < 0.6 ? 1 : 2);
                var parentAge = Math.Min(100, age + _rng.Next(22, 33));
                var father = _rng.NextDouble() < 0.6;
                var mother = !father || _rng.NextDouble() < 0.55;
                if (father)
                {
                    people.Add(Adult(HouseholdRelation.Parent, Sex.Male, parentAge, people[0].Surname) with { Partnered = mother });
                }
                if (mother)
                {
                    people.Add(Adult(HouseholdRelation.Parent, Sex.Female, Math.Max(45, parentAge - _rng.Next(0, 5)), Names.Surname(_rng)) with { Partnered = father });
                }
            }
            // 本人电话: nearly every adult of working age, most old people, no children.
            for (var i = 0; i < people.Count; i++)
            {
                var age = Age.AgeOn(people[i].BirthDate, county._today);
                var hasPhone = age switch { < 16 => false, < 65 => _rng.NextDouble() < 0.96, < 80 => _rng.NextDouble() < 0.75, _ => _rng.NextDouble() < 0.4 };
                if (hasPhone)
                {
                    people[i] = people[i] with { Phone = Names.Mobile(_rng) };
                }
            }
            return people;
        }

        private void AddCouple(List<Person> people, int age)
        {
            var headIsMan = _rng.NextDouble() < 0.78;
            var husbandAge = headIsMan ? age : Math.Max(20, age + _rng.Next(-1, 5));
            var wifeAge = headIsMan ? Math.Max(20, age - _rng.Next(-1, 5)) : age;
            var husband = Adult(headIsMan ? HouseholdRelation.Head : HouseholdRelation.Spouse, Sex.Male, husbandAge, Names.Surname(_rng));
            var wife = Adult(headIsMan ? HouseholdRelation.Spouse : HouseholdRelation.Head, Sex.Female, wifeAge, Names.Surname(_rng));
            people.Add((headIsMan ? husband : wife) with { Partnered = true });
            people.Add((headIsMan ? wife : husband) with { Partnered = true });
        }

        private void AddChildren(List<Person> people, int count)
        {
            var father = people.First(p => p.Sex == Sex.Male);
            var mother = people.First(p => p.Sex == Sex.Female);
            var motherAge = Age.AgeOn(mother.BirthDate, county._today);
            var eldest = motherAge - _rng.Next(22, 32);
            for (var i = 0; i < count; i++)
            {
                var age = eldest - i * _rng.Next(1, 6);
                if (age < 0)
                {
                    break;
                }
                var sex = _rng.NextDouble() < 0.52 ? Sex.Male : Sex.Female;
                var birth = BirthDate(age);
                people.Add(new Person(
                    sex == Sex.Male ? HouseholdRelation.Son : HouseholdRelation.Daughter,
                    sex, birth, father.Surname, Names.Given(_rng, sex, birth.Year), false));
            }
        }

        private Person Adult(HouseholdRelation relation, Sex sex, int age, string surname)
        {
            var birth = BirthDate(age);
            // ≈1% of all residents are pregnant: about one woman in twelve aged 20–40.
            var pregnant = sex == Sex.Female && age is >= 20 and <= 40 && _rng.NextDouble() < 0.085;
            return new Person(relation, sex, birth, surname, Names.Given(_rng, sex, birth.Year), pregnant);
        }

        /// <summary>65 and over, in five-year bands that thin out quickly: few live past 95.</summary>
        private int ElderlyAge()
        {
            ReadOnlySpan<double> bands = [0.33, 0.27, 0.18, 0.11, 0.07, 0.03, 0.008, 0.002];
            var x = _rng.NextDouble();
            for (var i = 0; i < bands.Length; i++)
            {
                if ((x -= bands[i]) < 0)
                {
                    return 65 + i * 5 + _rng.Next(0, 5);
                }
            }
            return 65;
        }

        private DateOnly BirthDate(int age) => county._today.AddYears(-age).AddDays(-_rng.Next(0, 365));

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private DateTime ToUtc(DateOnly day) => day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddMinutes(_rng.Next(0, 480));
    }

    /// <summary>One member as composed, before the forms are filled.</summary>
    internal sealed record Person(HouseholdRelation Relation, Sex Sex, DateOnly BirthDate, string Surname, string Given, bool Pregnant)
    {
        public string Name => Surname + Given;
        /// <summary>Lives with a spouse in the household.</summary>
        public bool Partnered { get; init; }
        public string? Phone { get; init; }
    }
}

/// <summary>Surnames, given names, ID-number regions and street names of the synthetic county.</summary>
internal static class Names
{
    // The common surnames, most frequent first (weighted by rank), with the polyphonic 曾 单 解 仇 among them.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林",
        "谭", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "冉", "崔", "钟", "陆", "汪", "范", "金", "石",
        "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史",
        "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "向", "汤", "牟", "况", "单", "解", "仇", "母", "代",
    ];

    private static readonly string[] OldMale = ["建", "国", "华", "明", "德", "福", "贵", "荣", "文", "志", "永", "长", "世", "成", "忠", "学", "光", "富", "兴", "开", "万", "洪", "清", "全", "树", "家", "中", "才", "先", "正"];
    private static readonly string[] OldFemale = ["秀", "英", "兰", "芳", "珍", "桂", "华", "玉", "凤", "淑", "琼", "素", "碧", "群", "翠", "芬", "莲", "萍", "霞", "蓉", "菊", "明", "香", "惠", "敏", "金", "会", "琴", "云", "清"];
    private static readonly string[] MidMale = ["伟", "强", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "波", "林", "磊", "峰", "俊", "宇", "浩", "海", "亮", "剑", "飞", "鑫", "毅", "洋", "东", "川", "江"];
    private static readonly string[] MidFemale = ["丽", "敏", "静", "燕", "艳", "娟", "霞", "玲", "婷", "红", "梅", "琳", "莉", "倩", "雪", "颖", "丹", "蓉", "英", "琴", "洁", "慧", "晓", "佳", "欢", "露", "瑶", "媛", "莎", "薇"];
    private static readonly string[] NewMale = ["浩", "宇", "轩", "梓", "子", "睿", "俊", "博", "文", "泽", "晨", "航", "然", "豪", "杰", "一", "涵", "铭", "锦", "奕", "皓", "瑞", "嘉", "承", "煜", "宸", "辰", "阳", "逸", "明"];
    private static readonly string[] NewFemale = ["欣", "怡", "梓", "涵", "子", "雨", "萱", "诗", "可", "馨", "思", "语", "若", "依", "佳", "琪", "悦", "彤", "婉", "晴", "沐", "一", "紫", "妍", "瑶", "嘉", "宇", "汐", "芮", "安"];

    /// <summary>Where ID numbers were first issued: mostly this district, then other districts of Chongqing and Sichuan.</summary>
    private static readonly string[] OtherChongqing =
    [
        "500101", "500102", "500103", "500105", "500106", "500107", "500108", "500109", "500110", "500112", "500113", "500115",
        "500116", "500117", "500118", "500151", "500228", "500230", "500231", "500233", "500235", "500236", "500241", "500243",
    ];
    private static readonly string[] Sichuan =
    [
        "510104", "510106", "510107", "510122", "510304", "510502", "510521", "510681", "510722", "510821", "510921", "511011",
        "511102", "511302", "511321", "511502", "511602", "511622", "511702", "511902", "512021",
    ];

    private static readonly string[] Streets = ["钢花路", "春晖路", "松青路", "文体路", "翠柏路", "柏华路", "茄子溪路", "双山路", "锦愉路", "新山村路"];

    public static string Surname(Random rng)
    {
        // Rank-weighted: the first surnames are much more common than the last.
        var rank = (int)(Surnames.Length * Math.Pow(rng.NextDouble(), 1.8));
        return Surnames[Math.Min(rank, Surnames.Length - 1)];
    }

    /// <summary>One or two characters in the style of the birth year.</summary>
    public static string Given(Random rng, Sex sex, int birthYear)
    {
        var chars = (sex == Sex.Male, birthYear) switch
        {
            (true, < 1970) => OldMale,
            (false, < 1970) => OldFemale,
            (true, < 2000) => MidMale,
            (false, < 2000) => MidFemale,
            (true, _) => NewMale,
            (false, _) => NewFemale,
        };
        var first = chars[rng.Next(chars.Length)];
        if (rng.NextDouble() < (birthYear < 1990 ? 0.12 : 0.2))
        {
            return first;
        }
        string second;
        do
        {
            second = chars[rng.Next(chars.Length)];
        }
        while (second == first);
        return first + second;
    }

    public static string IdRegion(Random rng) => rng.NextDouble() switch
    {
        < 0.55 => "500104",
        < 0.85 => OtherChongqing[rng.Next(OtherChongqing.Length)],
        _ => Sichuan[rng.Next(Sichuan.Length)],
    };

    public static string Street(Random rng) => Streets[rng.Next(Streets.Length)];

    /// <summary>户籍地址 of a non-registered resident: where the ID number was issued, roughly.</summary>
    public static string ElsewhereAddress(string? idNumber) => idNumber?[..2] switch
    {
        "51" => "四川省",
        "50" when !idNumber.StartsWith("500104", StringComparison.Ordinal) => "重庆市",
        _ => "外省市",
    };

    /// <summary>A mainland mobile number.</summary>
    public static string Mobile(Random rng)
    {
        ReadOnlySpan<int> prefixes = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173, 177, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199];
        return string.Create(CultureInfo.InvariantCulture, $"{prefixes[rng.Next(prefixes.Length)]}{rng.Next(0, 100_000_000):00000000}");
    }
}

/// <summary>The forms' answers, drawn with plausible frequencies for the person's age and sex.</summary>
internal static class Forms
{
    private static readonly string[] Employers =
    [
        "重庆钢铁集团", "大渡口区人民医院", "重庆建工集团", "大渡口区教育委员会", "重庆中梁山煤电气公司", "个体经营", "务农", "自由职业",
        "重庆轨道交通集团", "大渡口区跳磴镇人民政府", "重庆市大渡口区春晖路小学", "重庆长安汽车股份有限公司", "京东物流重庆分公司", "待业",
    ];

    private static readonly string[] Minorities = ["土家族", "苗族", "回族", "彝族", "藏族", "满族"];
    private static readonly string[] Tumors = ["肺癌", "肝癌", "胃癌", "结直肠癌", "乳腺癌", "食管癌"];
    private static readonly string[] Surgeries = ["阑尾切除术", "剖宫产术", "胆囊切除术", "白内障摘除术", "疝修补术", "骨折内固定术"];
    private static readonly string[] Traumas = ["左桡骨骨折", "右踝关节骨折", "头皮裂伤", "肋骨骨折"];

    public static PersonalInfo PersonalInfo(
        Random rng, SyntheticCounty.Person person, int age, IdDocumentType documentType, string? idNumber,
        SyntheticCounty.Person? contact, bool rural, DateOnly today)
    {
        var minority = rng.NextDouble() < 0.03;
        var bloodType = Pick(rng, (0.17, BloodType.A), (0.14, BloodType.B), (0.20, BloodType.O), (0.06, BloodType.AB), (0.43, BloodType.Unknown));
        Occupation? occupation = age >= 18 ? DrawOccupation(rng, rural) : null;
        var info = new PersonalInfo
        {
            Name = person.Name,
            Sex = person.Sex,
            BirthDate = person.BirthDate,
            IdDocumentType = documentType,
            IdNumber = idNumber,
            WorkUnit = age switch
            {
                < 18 => null,
                >= 60 => $"{Employers[rng.Next(Employers.Length)]}（已退休）",
                _ => Employers[rng.Next(Employers.Length)],
            },
            Phone = person.Phone,
            ContactName = contact?.Name,
            ContactPhone = contact?.Phone,
            ResidenceType = rng.NextDouble() < 0.88 ? ResidenceType.Registered : ResidenceType.NonRegistered,
            Ethnicity = minority ? Ethnicity.Minority : Ethnicity.Han,
            EthnicityName = minority ? Minorities[rng.Next(Minorities.Length)] : null,
            BloodType = bloodType,
            RhNegative = bloodType == BloodType.Unknown ? RhNegative.Unknown : rng.NextDouble() < 0.004 ? RhNegative.Yes : rng.NextDouble() < 0.7 ? RhNegative.No : RhNegative.Unknown,
            Education = DrawEducation(rng, age, person.BirthDate.Year),
            Occupation = occupation,
            MaritalStatus = DrawMaritalStatus(rng, person, age),
            PaymentMethods = DrawPaymentMethods(rng, rural, occupation),
            DrugAllergies = [Pick(rng, (0.93, DrugAllergy.None), (0.04, DrugAllergy.Penicillin), (0.015, DrugAllergy.Sulfonamide), (0.005, DrugAllergy.Streptomycin), (0.01, DrugAllergy.Other))],
            Exposures = [Pick(rng, (0.98, Exposure.None), (0.01, Exposure.Chemicals), (0.003, Exposure.Poisons), (0.007, Exposure.Radiation))],
            PastDiseases = PastDiseases(rng, person, age, today),
            Surgery = Presence.None,
            Trauma = Presence.None,
            Transfusion = Presence.None,
            FamilyHistory = new FamilyHistory
            {
                Father = Relative(rng, age >= 30 ? 0.35 : 0.1),
                Mother = Relative(rng, age >= 30 ? 0.3 : 0.08),
                Siblings = Relative(rng, 0.08),
                Children = Relative(rng, 0.02),
            },
            HereditaryDisease = Presence.None,
            Disabilities = [Pick(rng, (0.975, Disability.None), (0.004, Disability.Visual), (0.006, Disability.Hearing), (0.001, Disability.Speech), (0.01, Disability.Physical), (0.002, Disability.Intellectual), (0.002, Disability.Mental))],
        };
        return WithHistory(rng, info, age, person.BirthDate, today);
    }

    public static LivingEnvironment LivingEnvironment(Random rng) => new()
    {
        KitchenExhaust = Pick(rng, (0.15, KitchenExhaust.None), (0.6, KitchenExhaust.RangeHood), (0.2, KitchenExhaust.ExhaustFan), (0.05, KitchenExhaust.Chimney)),
        FuelType = Pick(rng, (0.15, FuelType.LiquefiedGas), (0.05, FuelType.Coal), (0.65, FuelType.NaturalGas), (0.05, FuelType.Biogas), (0.1, FuelType.Firewood)),
        DrinkingWater = Pick(rng, (0.85, DrinkingWater.TapWater), (0.05, DrinkingWater.PurifiedWater), (0.1, DrinkingWater.WellWater)),
        Toilet = Pick(rng, (0.7, Toilet.Sanitary), (0.15, Toilet.SingleOrDoublePit), (0.1, Toilet.Commode), (0.05, Toilet.SimpleShed)),
        LivestockPen = Pick(rng, (0.6, LivestockPen.Separate), (0.05, LivestockPen.Indoor), (0.35, LivestockPen.Outdoor)),
    };

    /// <summary>
    /// Hypertension ≈25% and diabetes ≈8% of residents aged 35 and over, rising with age; a few other chronic
    /// diseases; each with the year and month it was diagnosed. 1 无 when there is none.
    /// </summary>
    private static List<PastDisease> PastDiseases(Random rng, SyntheticCounty.Person person, int age, DateOnly today)
    {
        var diseases = new List<PastDisease>();
        void Maybe(double p, PastDiseaseCode code, int fromAge, string? detail = null)
        {
            if (age >= fromAge && rng.NextDouble() < p)
            {
                diseases.Add(new PastDisease(code, Diagnosed(rng, person.BirthDate, fromAge, today), detail));
            }
        }
        Maybe(age switch { < 35 => 0, < 45 => 0.08, < 55 => 0.19, < 65 => 0.33, < 75 => 0.45, _ => 0.55 }, PastDiseaseCode.Hypertension, 30);
        Maybe(age switch { < 35 => 0, < 45 => 0.025, < 55 => 0.06, < 65 => 0.10, < 75 => 0.14, _ => 0.15 }, PastDiseaseCode.Diabetes, 30);
        Maybe(age >= 55 ? 0.06 : 0.01, PastDiseaseCode.CoronaryHeartDisease, 40);
        Maybe(age >= 60 ? 0.04 : 0.005, PastDiseaseCode.Stroke, 45);
        Maybe(age >= 55 ? 0.05 : 0.005, PastDiseaseCode.Copd, 40);
        Maybe(age >= 50 ? 0.015 : 0.002, PastDiseaseCode.MalignantTumor, 30, Tumors[rng.Next(Tumors.Length)]);
        Maybe(0.01, PastDiseaseCode.Hepatitis, 20);
        return diseases.Count > 0 ? diseases : [new PastDisease(PastDiseaseCode.None, null)];
    }

    /// <summary>Surgery, trauma and transfusion: most have none.</summary>
    private static PersonalInfo WithHistory(Random rng, PersonalInfo info, int age, DateOnly birth, DateOnly today)
    {
        if (age >= 18 && rng.NextDouble() < 0.12)
        {
            info = info with { Surgery = Presence.Yes, Surgeries = [new HistoryEvent(Surgeries[rng.Next(Surgeries.Length)], Diagnosed(rng, birth, 18, today))] };
        }
        if (age >= 10 && rng.NextDouble() < 0.05)
        {
            info = info with { Trauma = Presence.Yes, Traumas = [new HistoryEvent(Traumas[rng.Next(Traumas.Length)], Diagnosed(rng, birth, 10, today))] };
        }
        if (age >= 20 && rng.NextDouble() < 0.02)
        {
            info = info with { Transfusion = Presence.Yes, Transfusions = [new HistoryEvent("手术失血", Diagnosed(rng, birth, 20, today))] };
        }
        if (info.DrugAllergies is [DrugAllergy.Other])
        {
            info = info with { DrugAllergyOther = "头孢类" };
        }
        return info;
    }

    /// <summary>A month between the age the condition became possible (and at most 25 years ago) and last month.</summary>
    private static YearMonth Diagnosed(Random rng, DateOnly birth, int fromAge, DateOnly today)
    {
        var earliest = birth.AddYears(fromAge);
        var limit = today.AddYears(-25);
        if (earliest < limit)
        {
            earliest = limit;
        }
        var latest = today.AddMonths(-1);
        var day = earliest >= latest ? latest : earliest.AddDays(rng.Next(0, latest.DayNumber - earliest.DayNumber + 1));
        return YearMonth.Of(day);
    }

    private static RelativeHistory Relative(Random rng, double p) =>
        rng.NextDouble() < p
            ? new RelativeHistory { Diseases = [Pick(rng, (0.5, FamilyDisease.Hypertension), (0.2, FamilyDisease.Diabetes), (0.1, FamilyDisease.CoronaryHeartDisease), (0.1, FamilyDisease.Stroke), (0.1, FamilyDisease.MalignantTumor))] }
            : new RelativeHistory { Diseases = [FamilyDisease.None] };

    private static Education? DrawEducation(Random rng, int age, int birthYear) => age switch
    {
        < 6 => null,
        < 12 => Education.Primary,
        < 15 => Education.JuniorSecondary,
        < 18 => Education.SeniorSecondary,
        _ when birthYear < 1950 => Pick(rng, (0.3, Education.Illiterate), (0.4, Education.Primary), (0.2, Education.JuniorSecondary), (0.07, Education.SeniorSecondary), (0.03, Education.College)),
        _ when birthYear < 1970 => Pick(rng, (0.08, Education.Illiterate), (0.3, Education.Primary), (0.35, Education.JuniorSecondary), (0.2, Education.SeniorSecondary), (0.07, Education.College)),
        _ when birthYear < 1990 => Pick(rng, (0.02, Education.Illiterate), (0.1, Education.Primary), (0.38, Education.JuniorSecondary), (0.28, Education.SeniorSecondary), (0.22, Education.College)),
        _ => Pick(rng, (0.03, Education.Primary), (0.2, Education.JuniorSecondary), (0.35, Education.SeniorSecondary), (0.42, Education.College)),
    };

    private static Occupation DrawOccupation(Random rng, bool rural) => rural
        ? Pick(rng, (0.45, Occupation.Agriculture), (0.2, Occupation.ProductionAndTransport), (0.15, Occupation.CommerceAndService), (0.05, Occupation.Clerk), (0.03, Occupation.Professional), (0.12, Occupation.Other))
        : Pick(rng, (0.03, Occupation.Leader), (0.15, Occupation.Professional), (0.15, Occupation.Clerk), (0.3, Occupation.CommerceAndService), (0.02, Occupation.Agriculture), (0.25, Occupation.ProductionAndTransport), (0.005, Occupation.Military), (0.095, Occupation.Other));

    private static MaritalStatus DrawMaritalStatus(Random rng, SyntheticCounty.Person person, int age) => person switch
    {
        { Partnered: true } => MaritalStatus.Married,
        _ when age < 22 => MaritalStatus.Unmarried,
        _ when age < 60 => Pick(rng, (0.55, MaritalStatus.Unmarried), (0.3, MaritalStatus.Divorced), (0.1, MaritalStatus.Widowed), (0.05, MaritalStatus.Unspecified)),
        _ => Pick(rng, (0.05, MaritalStatus.Unmarried), (0.12, MaritalStatus.Divorced), (0.83, MaritalStatus.Widowed)),
    };

    /// <summary>Urban workers: employees' insurance; other urban residents: residents' insurance; villages: 新农合; some also commercial.</summary>
    private static List<PaymentMethod> DrawPaymentMethods(Random rng, bool rural, Occupation? occupation)
    {
        var main = rural ? PaymentMethod.RuralCooperativeMedical
            : occupation is Occupation.Leader or Occupation.Professional or Occupation.Clerk or Occupation.ProductionAndTransport
                ? PaymentMethod.UrbanEmployeeInsurance
                : PaymentMethod.UrbanResidentInsurance;
        var methods = new List<PaymentMethod> { main };
        if (rng.NextDouble() < 0.08)
        {
            methods.Add(PaymentMethod.CommercialInsurance);
        }
        else if (rng.NextDouble() < 0.01)
        {
            methods[0] = PaymentMethod.PovertyAid;
        }
        return methods;
    }

    /// <summary>One of the options, by their weights (which need not add up to 1).</summary>
    private static T Pick<T>(Random rng, params ReadOnlySpan<(double Weight, T Value)> options)
    {
        var total = 0.0;
        foreach (var o in options)
        {
            total += o.Weight;
        }
        var x = rng.NextDouble() * total;
        foreach (var o in options)
        {
            if ((x -= o.Weight) < 0)
            {
                return o.Value;
            }
        }
        return options[^1].Value;
    }
}
