namespace PropertyCrm.Harness.Pipeline;

/// <summary>Stage numbers the declarations' enum does not name.</summary>
internal static class PluginPipelineStage
{
    /// <summary>A Custom API's main operation.</summary>
    public const int MainOperation = 30;
}
