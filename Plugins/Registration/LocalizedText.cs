using System;

namespace PropertyCrm.Plugins.Registration;

/// <summary>A label in the two languages the solution ships: Chinese (2052, the base language) and English (1033).</summary>
public sealed class LocalizedText
{
    public LocalizedText(string chinese, string english)
    {
        Chinese = string.IsNullOrWhiteSpace(chinese) ? throw new ArgumentException("Chinese label required.", nameof(chinese)) : chinese;
        English = string.IsNullOrWhiteSpace(english) ? throw new ArgumentException("English label required.", nameof(english)) : english;
    }

    public string Chinese { get; }

    public string English { get; }

    public override string ToString() => $"{Chinese} / {English}";
}
