using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Testing;

/// <summary>Crisis resources as a site owner might configure them: a set for the US and one for German readers.</summary>
public static class CrisisResourceSamples
{
    public static void Configure(ModerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.CrisisResources.Sets.Add(new CrisisResourceSet
        {
            Countries = ["US"],
            Languages = ["en-US"],
            Heading = "You don't have to face this alone",
            Message = "If you are thinking about suicide, you can reach someone right now, free and confidential.",
            Resources =
            [
                new CrisisResource { Name = "988 Suicide & Crisis Lifeline", Description = "Call or text, any time.", Phone = "988", Sms = "988", Url = "https://988lifeline.org" },
                new CrisisResource { Name = "Crisis Text Line", Description = "Text HOME.", Sms = "741741" },
            ],
        });
        settings.CrisisResources.Sets.Add(new CrisisResourceSet
        {
            Countries = ["DE", "AT"],
            Languages = ["de"],
            Heading = "Du bist nicht allein",
            Message = "Wenn du daran denkst, dir das Leben zu nehmen, sprich jetzt mit jemandem.",
            Resources =
            [
                new CrisisResource { Name = "Telefonseelsorge", Description = "Rund um die Uhr, anonym.", Phone = "0800 111 0 111", Url = "https://www.telefonseelsorge.de" },
            ],
        });
    }
}
