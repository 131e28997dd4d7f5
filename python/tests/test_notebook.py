"""The example notebook runs from a clone (examples/three-questions.ipynb),
executed with nbclient at a small scale, and prints the reports' findings."""

import os
import shutil
import tempfile
import unittest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class NotebookTest(unittest.TestCase):
    def test_three_questions(self):
        if shutil.which("simrun") is None:
            raise unittest.SkipTest("simrun is not on PATH")
        import nbformat
        from nbclient import NotebookClient

        path = os.path.join(REPOSITORY, "examples", "three-questions.ipynb")
        nb = nbformat.read(path, as_version=4)
        os.environ["SIMRUN_EXAMPLE_SCALE"] = "small"
        from jupyter_client.manager import KernelManager

        # The kernel is this interpreter (the virtual environment's), talking
        # over local IPC sockets in a temporary folder: no network port.
        sockets = tempfile.mkdtemp(prefix="simrun-kernel-")
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))
        client = NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": REPOSITORY}})
        client.execute()
        text = "".join(out.get("text", "") for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", []))
        errors = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
                  if out.get("output_type") == "error"]
        self.assertEqual(errors, [])
        self.assertIn("• wechat-2025-10-virtual-number vs wechat-2025-08-necessary", text)
        self.assertIn("costliest rule for merchant contact: R-T2", text)
        self.assertIn("• The change in real numbers revealed to merchants from wechat-2025-08-necessary", text)
        images = sum(1 for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
                     if "image/png" in out.get("data", {}))
        self.assertGreaterEqual(images, 3, "each question has its plot")


if __name__ == "__main__":
    unittest.main()
