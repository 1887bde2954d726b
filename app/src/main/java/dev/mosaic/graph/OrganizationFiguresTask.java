package dev.mosaic.graph;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every couple of seconds, one instance recomputes the organization figures of the tenants whose graph changed. */
@Configuration(proxyBeanMethods = false)
class OrganizationFiguresTask {

    @Bean
    RecurringTask<Void> organizationFiguresRefresh(OrganizationFigures figures) {
        return Tasks.recurring("organization-figures", FixedDelay.ofSeconds(2))
                .execute((instance, context) -> figures.refreshChanged());
    }
}
