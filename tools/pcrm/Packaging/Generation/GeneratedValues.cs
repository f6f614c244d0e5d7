namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>Fixed values written into generated components.</summary>
internal static class GeneratedValues
{
    /// <summary>
    /// IntroducedVersion: the solution version a component first shipped in. It must not follow the current
    /// version (that would rewrite every generated file on each release), so it stays at the first release.
    /// </summary>
    public const string IntroducedVersion = "1.0.0.0";

    /// <summary>The plug-in event handler type code every export writes on a step (EventHandlerTypeCode 4602 = plugintype).</summary>
    public const string PluginEventHandler = "4602";

    public const string True = "1";
    public const string False = "0";
}
