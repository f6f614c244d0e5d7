using System;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging.Generation;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Every step image names the request property its message identifies the row by: Id for Create (there is no Target row
/// before the create, the post-image is taken of the created id), Target for Update/Delete/Assign, EntityMoniker for
/// SetState. A wrong one imports, then the image is silently empty or the step fails at run time, so it is an error here.
/// Images on a message <see cref="ImageMessageProperty"/> does not know are errors too: we do not guess.
/// </summary>
internal sealed class ImageMessagePropertyCheck : ISolutionCheck
{
    public string Name => "images";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        foreach (var step in solution.Steps)
        {
            var message = MessageOf(step);
            foreach (var image in step.Elements("SdkMessageProcessingStepImages").Elements("SdkMessageProcessingStepImage"))
            {
                var property = image.Element("MessagePropertyName");
                var alias = (string?)image.Attribute("Name") ?? string.Empty;
                if (message is null || !ImageMessageProperty.TryFor(message, out var expected))
                {
                    issues.Error(
                        Name,
                        (XObject?)property ?? image,
                        $"映像 '{alias}' 所在步骤的消息 '{message ?? "?"}' 不支持映像 / image '{alias}' is on message '{message ?? "(unknown SdkMessageId)"}', which has no known image property");
                }
                else if (property is null || !string.Equals(property.Value, expected, StringComparison.Ordinal))
                {
                    issues.Error(
                        Name,
                        (XObject?)property ?? image,
                        $"映像 '{alias}' 的 MessagePropertyName 应为 '{expected}'（{message} 消息）/ image '{alias}' on {message} must have MessagePropertyName '{expected}', not '{property?.Value ?? "(missing)"}'");
                }
            }
        }
    }

    private static string? MessageOf(XElement step)
    {
        if (step.Element("SdkMessageName") is { } name)
        {
            return name.Value;
        }

        return Guid.TryParse(step.Element("SdkMessageId")?.Value, out var id) && SdkMessages.TryGetPlatformName(id, out var message) ? message : null;
    }
}
