package kz.qalqan.emergency.callup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallUpProperties.class)
class CallUpConfiguration {
}
