namespace PropertyCrm.Domain.Tags;

/// <summary>A household member's age band (年龄段). Persisted as a choice: never renumber.</summary>
public enum MemberAgeBand
{
    /// <summary>婴幼儿, 0–3.</summary>
    Infant = 0,

    /// <summary>儿童, 4–11.</summary>
    Child = 1,

    /// <summary>青少年, 12–17.</summary>
    Teenager = 2,

    /// <summary>成年, 18–59.</summary>
    Adult = 3,

    /// <summary>老年, 60 and over.</summary>
    Senior = 4,
}
