using HealthRecords.Domain.Search;

namespace HealthRecords.Domain.Tests.Search;

public sealed class PinyinTests
{
    [Fact]
    public void ZsAndZhangsanBothIndexZhangSan()
    {
        var keys = Pinyin.SearchKeys("张三");
        Assert.Contains("zhangsan", keys);
        Assert.Contains("zs", keys);
    }

    [Theory]
    [InlineData("曾国华", "zengguohua", "zgh")]
    [InlineData("单田芳", "shantianfang", "stf")]
    [InlineData("解晓东", "xiexiaodong", "xxd")]
    [InlineData("仇英", "qiuying", "qy")]
    [InlineData("尉迟恭", "yuchigong", "ycg")]
    public void PolyphonicSurnamesReadAsSurnamesFirst(string name, string full, string initials)
    {
        var keys = Pinyin.SearchKeys(name);
        Assert.Equal(full, keys[0]);
        Assert.Contains(initials, keys);
    }

    [Fact]
    public void CommonReadingOfAPolyphonicSurnameAlsoFinds()
    {
        var keys = Pinyin.SearchKeys("曾国华");
        Assert.Contains("cengguohua", keys);
    }

    [Fact]
    public void SingleCharacterIsNotTreatedAsASurnamePlusName() =>
        Assert.Equal(["ceng", "c"], Pinyin.SearchKeys("曾"));

    [Fact]
    public void LatinLettersAndDigitsAreKept()
    {
        var keys = Pinyin.SearchKeys("Anna·李");
        Assert.Contains("annali", keys);
    }

    [Fact]
    public void EmptyNameHasNoKeys() => Assert.Empty(Pinyin.SearchKeys("  "));

    [Theory]
    [InlineData("zs", "zs")]
    [InlineData("Zhang San", "zhangsan")]
    [InlineData("xi'an", "xian")]
    [InlineData("张三", null)]
    [InlineData("138", null)]
    [InlineData("z1", null)]
    public void NormalisesOnlyPinyinLikeQueries(string q, string? expected) => Assert.Equal(expected, Pinyin.NormalizeQuery(q));

    [Fact]
    public void KeysAreCapped() => Assert.True(Pinyin.SearchKeys("张三李四王五赵六钱七孙八").Count <= 16);
}
