using System.Globalization;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The fault of the organization service (the detail of FaultException&lt;OrganizationServiceFault&gt;).</summary>
    public class OrganizationServiceFault : BaseServiceFault
    {
        private string _traceText;
        private OrganizationServiceFault _innerFault;

        public OrganizationServiceFault()
        {
        }

        /// <summary>Plug-in trace output captured with the fault, if any.</summary>
        public string TraceText
        {
            get { return _traceText; }
            set { _traceText = value; }
        }

        public OrganizationServiceFault InnerFault
        {
            get { return _innerFault; }
            set { _innerFault = value; }
        }

        /// <summary>
        /// The fault and its inner faults, one block each: error code (hex), message, the "CallStack"
        /// detail when present, and the timestamp in UTC (ISO 8601), each block ending with "--".
        /// </summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            for (var fault = this; fault != null; fault = fault.InnerFault)
            {
                text.AppendLine("Exception details: ");
                text.AppendLine("ErrorCode: 0x" + fault.ErrorCode.ToString("X", CultureInfo.InvariantCulture));
                text.AppendLine("Message: " + fault.Message);
                object callStack;
                if (fault.ErrorDetails != null && fault.ErrorDetails.TryGetValue("CallStack", out callStack))
                {
                    text.AppendLine("StackTrace: ");
                    text.AppendLine(callStack as string);
                }

                text.AppendLine("TimeStamp: " + fault.Timestamp.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                text.AppendLine("--");
            }

            return text.ToString();
        }
    }
}
