package kz.qalqan.emergency.internal;

import kz.qalqan.emergency.FatigueRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FatigueRules.class)
class EmergencyConfiguration {
}
