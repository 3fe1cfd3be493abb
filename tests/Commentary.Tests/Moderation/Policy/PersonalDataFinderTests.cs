namespace Commentary.Tests.Moderation.Policy;

public class PersonalDataFinderTests
{
    private static PersonalDataKinds Find(string text, PersonalDataSettings? settings = null)
    {
        var defaults = ModerationSettings.Defaults;
        var finder = new PersonalDataFinder(new DomainReader(defaults.Links.TopLevelDomains, defaults.Links.WordLikeTopLevelDomains), settings ?? defaults.PersonalData);
        return finder.Find(new FoldedText().Fold(text).Plain, text);
    }

    [Theory]
    [InlineData("Call me on 07700 900123 tonight.")]
    [InlineData("My number is +44 20 7946 0958")]
    [InlineData("(555) 123-4567")]
    [InlineData("555-123-4567.")]
    [InlineData("ring 0151.234.5678")]
    [InlineData("my new number 07700 900 123, text me")]
    [InlineData("call 1.800.555.1234")]
    [InlineData("call 300.400.500.6000")]
    public void Phone_numbers_are_found(string text)
    {
        Assert.Equal(PersonalDataKinds.PhoneNumber, Find(text));
    }

    [Theory]
    [InlineData("sam.jones@example.com")]
    [InlineData("write to SAM@Mail.Example.co.uk please")]
    [InlineData("sam [at] example [dot] com")]
    [InlineData("sam(at)example.com")]
    public void Email_addresses_are_found(string text)
    {
        Assert.Equal(PersonalDataKinds.EmailAddress, Find(text));
    }

    [Theory]
    [InlineData("I live at 14 Oak Lane, come round.")]
    [InlineData("221b Baker Street")]
    [InlineData("10 Downing St.")]
    [InlineData("Flat 3, 12 Upper Church Road")]
    public void Street_addresses_are_found(string text)
    {
        Assert.Equal(PersonalDataKinds.StreetAddress, Find(text));
    }

    [Theory]
    [InlineData("I was born in 1987 and moved in 2019-2020.")]
    [InlineData("Take 2 tablets, 3 times a day, for 10 days.")]
    [InlineData("It costs £1,250,000 and 3.14159 is pi.")]
    [InlineData("Session 12 on 12/05/2024 at 10:30.")]
    [InlineData("Follow @sam on social media.")]
    [InlineData("My 2 kids walk down the road every day.")]
    [InlineData("Chapter 3 Close Reading")]
    [InlineData("The 5 Best Ways to cope")]
    [InlineData("Thanks for the fix. 82.28.237.200")]
    [InlineData("wow could you be more vague (82.28.237.200  )")]
    [InlineData("Reverted. 156.111.111.81  14:05, 3 May 2007 (UTC)")]
    [InlineData("how can there be 2.124.821.694 views")]
    [InlineData("See ISBN 0-8078-2379-1 and ISBN-13: 978-5-98227-158-7.")]
    public void Ordinary_numbers_and_mentions_are_not_personal_data(string text)
    {
        Assert.Equal(PersonalDataKinds.None, Find(text));
    }

    [Fact]
    public void Several_kinds_are_reported_together()
    {
        Assert.Equal(PersonalDataKinds.PhoneNumber | PersonalDataKinds.EmailAddress, Find("07700 900123 or sam@example.com"));
    }

    [Fact]
    public void Each_kind_can_be_switched_off()
    {
        var settings = ModerationSettings.Defaults.PersonalData;
        settings.PhoneNumbers = false;

        Assert.Equal(PersonalDataKinds.EmailAddress, Find("07700 900123 or sam@example.com", settings));
    }

    [Fact]
    public void The_phone_digit_threshold_is_configurable()
    {
        var settings = ModerationSettings.Defaults.PersonalData;
        Assert.Equal(PersonalDataKinds.None, Find("call 555 1234 56", settings));

        settings.PhoneMinDigits = 9;

        Assert.Equal(PersonalDataKinds.PhoneNumber, Find("call 555 1234 56", settings));
    }
}
