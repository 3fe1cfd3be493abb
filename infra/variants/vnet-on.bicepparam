// Not used by azd (it reads main.parameters.json): scripts/bicep.sh and InfrastructureTemplateTests build the
// template with vnetEnabled = true through this file, so both network variants are compiled and checked.
using '../main.bicep'

param environmentName = 'variant-check'
param location = 'swedencentral'
param vnetEnabled = true
param moderatorKeySha256 = '0000000000000000000000000000000000000000000000000000000000000000'
param ipHashKey = '1111111111111111111111111111111111111111111111111111111111111111'
param akismetApiKey = 'stand-in'
param mailPassword = 'stand-in'
