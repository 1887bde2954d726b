package dev.mosaic.graph;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every couple of seconds, one instance recomputes the figures of the tenants whose graph changed. */
@Configuration(proxyBeanMethods = false)
class GraphFiguresTask {

    @Bean
    RecurringTask<Void> graphFiguresRefresh(GraphFigures figures) {
        return Tasks.recurring("graph-figures", FixedDelay.ofSeconds(2)).execute((instance, context) -> figures.refreshChanged());
    }
}
