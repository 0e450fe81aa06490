"""nbconvert's ExecutePreprocessor, keeping a cell's outputs that arrive after the kernel said it was idle.

Deno's kernel (2.9) sometimes publishes `status: idle` before the cell's `execute_result` or `display_data`;
nbclient stops listening to a cell at `idle`, so such an output would be lost and a notebook that ran fine would
come out with a table or chart missing. After `idle`, this keeps reading the cell's messages until none has come
for `late_output_grace` seconds.

Used as: PYTHONPATH=test/notebooks jupyter nbconvert --to notebook \
  --Exporter.preprocessors=late_output_execute.LateOutputExecutePreprocessor \
  --LateOutputExecutePreprocessor.enabled=True notebook.ipynb
"""

from queue import Empty

from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float


class LateOutputExecutePreprocessor(ExecutePreprocessor):
    late_output_grace = Float(0.5, help="Seconds to wait for a cell's outputs after its kernel went idle").tag(
        config=True
    )

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.late_output_grace))
            except Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass
