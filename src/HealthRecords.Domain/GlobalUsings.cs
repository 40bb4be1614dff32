// Namespaces used by most files of this project, imported once here (duplicated using blocks were the largest
// share of the duplicates report).
global using HealthRecords.Domain.Codes;
global using HealthRecords.Domain.Records;
global using HealthRecords.Domain.Validation;
global using HealthRecords.Domain.Schedules;
global using System.Globalization;
