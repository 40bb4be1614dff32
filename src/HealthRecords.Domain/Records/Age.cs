namespace HealthRecords.Domain.Records;

public static class Age
{
    /// <summary>Age in full years on <paramref name="day"/> (周岁). A 29 February birthday counts on 1 March in other years.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (day.Month < birthDate.Month || (day.Month == birthDate.Month && day.Day < birthDate.Day))
        {
            age--;
        }
        return Math.Max(0, age);
    }
}
