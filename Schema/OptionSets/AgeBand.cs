namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Age Band (年龄段) of pcrm_householdmember.</summary>
public static class AgeBand
{
    public const string Name = "pcrm_householdmember_pcrm_ageband";

    /// <summary>婴幼儿（0–3岁） / Infant (0–3)</summary>
    public const int Infant = 548210000;

    /// <summary>儿童（4–11岁） / Child (4–11)</summary>
    public const int Child = 548210001;

    /// <summary>青少年（12–17岁） / Teenager (12–17)</summary>
    public const int Teenager = 548210002;

    /// <summary>成年（18–59岁） / Adult (18–59)</summary>
    public const int Adult = 548210003;

    /// <summary>老年（60岁及以上） / Senior (60+)</summary>
    public const int Senior = 548210004;
}
