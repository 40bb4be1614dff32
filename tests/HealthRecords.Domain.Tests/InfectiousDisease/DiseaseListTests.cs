using HealthRecords.Domain.InfectiousDisease;

namespace HealthRecords.Domain.Tests.InfectiousDisease;

public sealed class DiseaseListTests
{
    private static DiseaseListVersion List => Cards.List;

    [Fact]
    public void The2011ListIsEmbeddedAndIsTheLatest()
    {
        Assert.Contains(DiseaseLists.All, v => v.Version == "2011");
        Assert.Equal("2011", DiseaseLists.Latest.Version);
    }

    [Fact]
    public void ClassAIsPlagueAndCholera() =>
        Assert.Equal(["鼠疫", "霍乱"], List.OfClass(DiseaseClass.ClassA).Select(d => d.DisplayName));

    [Fact]
    public void TheListHasTheLawsTwentyFiveClassBDiseasesPlusH1N1AndTheElevenClassCDiseases()
    {
        // 《传染病防治法》(2004) 第三条: 乙类 25 种, 丙类 10 种; 2008 手足口病 丙类; 2009 甲型H1N1流感 乙类
        Assert.Equal(26, List.OfClass(DiseaseClass.ClassB).Select(d => d.GroupKey).Distinct().Count());
        Assert.Equal(11, List.OfClass(DiseaseClass.ClassC).Count());
    }

    [Fact]
    public void OnlyTheFourClassBDiseasesOf004AreMarkedForTwoHours() =>
        Assert.Equal(["sars", "polio", "hpai", "anthrax-pulmonary"], List.Diseases.Where(d => d.ReportWithinTwoHours).Select(d => d.Code));

    [Fact]
    public void AcuteOrChronicIsAskedForHepatitisBAndSchistosomiasisOnly() =>
        Assert.Equal(["hepatitis-b", "schistosomiasis"], List.Diseases.Where(d => d.RequiresAcuity).Select(d => d.Code));

    [Fact]
    public void The2011CardHasNoHepatitisDBox() => Assert.Null(List.Find("hepatitis-d"));

    [Fact]
    public void BoxesOfADiseasePrintWithTheirDisease()
    {
        Assert.Equal("病毒性肝炎（乙型）", List.Find("hepatitis-b")!.DisplayName);
        Assert.Equal("病毒性肝炎", List.Find("hepatitis-b")!.GroupKey);
        Assert.Equal("measles", List.Find("measles")!.GroupKey);
    }

    [Fact]
    public void EveryMappedIcd10CodeReachesADiseaseOfTheList()
    {
        foreach (var (code, diseases) in NotifiableDiagnoses.Mapping)
        {
            Assert.True(diseases.Any(d => List.Find(d) is not null), $"{code} maps to no disease of the 2011 list");
        }
    }

    private const string Later = """
        # version: 2099
        # in-force-from: 2099-01-01
        # title: 测试用目录
        plague	1		鼠疫	0	0	9
        newpox	2		新痘	1	0
        """;

    [Fact]
    public void ACardUsesTheVersionInForceOnItsDay()
    {
        var versions = new[] { List, DiseaseLists.Parse(Later) };
        Assert.Equal("2011", DiseaseLists.InForceOn(versions, new DateOnly(2098, 12, 31)).Version);
        Assert.Equal("2099", DiseaseLists.InForceOn(versions, new DateOnly(2099, 1, 1)).Version);
        Assert.Equal("2011", DiseaseLists.InForceOn(versions, new DateOnly(1990, 1, 1)).Version);
    }

    [Fact]
    public void AVersionReadsItsDiseasesAndFlags()
    {
        var later = DiseaseLists.Parse(Later);
        Assert.Equal(new DateOnly(2099, 1, 1), later.InForceFrom);
        Assert.True(later.Find("newpox")!.ReportWithinTwoHours);
        Assert.Equal(9, later.Find("plague")!.ObservationDays);
        Assert.Null(later.Find("measles"));
    }

    [Fact]
    public void AListNamingACodeTwiceIsRefused() =>
        Assert.Throws<InvalidDataException>(() => DiseaseLists.Parse("# version: x\n# title: t\nplague\t1\t\t鼠疫\nplague\t1\t\t鼠疫\n"));
}
